-- Assessments and the ruleset versions that made them (module: scoring).

-- Every ruleset version that ever decided, with its files, so any decision can be replayed.
create table ruleset_version (
    version        varchar(64)  primary key,
    files          text         not null,
    first_used_at  timestamp with time zone not null
);

create table credit_assessment (
    id               varchar(36)  primary key,
    application_id   varchar(36)  not null,
    round            integer      not null,
    ruleset_version  varchar(64)  not null references ruleset_version (version),
    band             varchar(10)  not null,
    score            integer,
    grade            varchar(5),
    facts            text         not null,
    result           text         not null,
    assessed_at      timestamp with time zone not null,
    constraint uq_credit_assessment unique (application_id, round)
);
