-- The audit trail's decision records (module: audit): append-only and hash-chained. Each record's
-- hash covers its fields and the previous record's hash, so changing or deleting any row breaks
-- the chain from there on. The head row holds the last link; appending locks it, which puts
-- every record of every node in one order.

create table decision_record (
    seq              bigint       primary key,
    application_id   varchar(36)  not null,
    kind             varchar(30)  not null,
    actor            varchar(64)  not null,
    ruleset_version  varchar(64),
    payload          text         not null,
    recorded_at      timestamp with time zone not null,
    previous_hash    varchar(64)  not null,
    hash             varchar(64)  not null
);

create index ix_decision_record_application on decision_record (application_id, seq);

create table decision_chain_head (
    id    integer      primary key,
    seq   bigint       not null,
    hash  varchar(64)  not null
);

insert into decision_chain_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Who read what in the audit trail: every audit read is itself recorded.
create table audit_read (
    id           varchar(36)   primary key,
    read_by      varchar(64)   not null,
    request      varchar(500)  not null,
    read_at      timestamp with time zone not null
);
