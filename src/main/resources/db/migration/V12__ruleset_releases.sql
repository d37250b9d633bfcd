-- Ruleset releases (module: release) and the rulesets in service (module: scoring).

-- Every version is stored when it is first submitted or first decides, not only when it decides.
-- Which versions decide: one champion and at most one challenger, read by every node. A change
-- here is made by a release's activation, in the transaction that records it in the audit chain.
create table ruleset_in_service (
    role          varchar(10)  primary key,
    version       varchar(64)  not null references ruleset_version (version),
    -- the challenger's share of new applications in percent; 100 for the champion
    share         integer      not null,
    release_id    varchar(36),
    activated_by  varchar(64)  not null,
    activated_at  timestamp with time zone not null,
    constraint ck_ruleset_in_service_role check (role in ('CHAMPION', 'CHALLENGER')),
    constraint ck_ruleset_in_service_share check (share between 1 and 100)
);

-- which role the ruleset had that made an assessment (champion or challenger)
alter table credit_assessment add column ruleset_role varchar(10) default 'CHAMPION' not null;
create index ix_credit_assessment_ruleset on credit_assessment (ruleset_version, assessed_at);

-- A proposed change of the rulesets in service, from submission to activation or rejection.
create table ruleset_release (
    id                   varchar(36)    primary key,
    version              varchar(64)    not null references ruleset_version (version),
    role                 varchar(10)    not null,
    challenger_share     integer,
    source               varchar(10)    not null,
    rollback_release     boolean        not null,
    rationale            varchar(2000)  not null,
    effective_at         timestamp with time zone not null,
    status               varchar(20)    not null,
    -- the champion when it was submitted: what the impact is measured against
    baseline_version     varchar(64)    not null references ruleset_version (version),
    -- the scenario files submitted with it (JSON: path -> text); none for a rollback
    scenarios            text,
    problems             text,
    impact               text,
    submitted_by         varchar(64)    not null,
    submitted_at         timestamp with time zone not null,
    decided_by           varchar(64),
    decided_at           timestamp with time zone,
    decision_comment     varchar(2000),
    activated_at         timestamp with time zone,
    process_instance_id  varchar(64),
    constraint ck_ruleset_release_role check (role in ('CHAMPION', 'CHALLENGER')),
    constraint ck_ruleset_release_share check (challenger_share is null or challenger_share between 0 and 50)
);

create index ix_ruleset_release_submitted on ruleset_release (submitted_at);

-- The full impact reports of a release (HTML pages with their charts), one per population.
create table ruleset_release_report (
    release_id  varchar(36)  not null references ruleset_release (id),
    population  varchar(20)  not null,
    html        text         not null,
    primary key (release_id, population)
);

-- Release records in the audit chain belong to no application.
alter table decision_record alter column application_id drop not null;
