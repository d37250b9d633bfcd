-- The scheduled check of the decision chain (module: audit). Each run walks a bounded number of
-- records from where the last run stopped, so a long chain is checked over several runs and no run
-- reads it whole; a pass ends at the chain's head and the next run starts a new one from the first
-- record. One row, locked by each run, so two runs never walk at once.

create table decision_chain_check (
    id                    integer       primary key,
    -- the pass in progress: the next record to check, and the seal it must link to
    next_seq              bigint        not null,
    next_previous_hash    varchar(64)   not null,
    pass_started_at       timestamp with time zone,
    -- the last run, complete pass or not
    last_run_at           timestamp with time zone,
    -- the last complete pass: ended at the chain's head, or at the first broken record
    last_pass_at          timestamp with time zone,
    last_pass_valid       boolean,
    last_pass_records     bigint,
    last_pass_broken_seq  bigint,
    last_pass_problem     varchar(1000)
);

insert into decision_chain_check (id, next_seq, next_previous_hash)
values (1, 1, '0000000000000000000000000000000000000000000000000000000000000000');
