-- Loan applications (module: application). SQL that runs unchanged on H2 and PostgreSQL.

create table loan_application (
    id                  varchar(36)  primary key,
    status              varchar(20)  not null,
    applicant_name      varchar(100) not null,
    birth_date          date         not null,
    phone               varchar(20)  not null,
    email               varchar(254),
    employment_type     varchar(20)  not null,
    annual_income       bigint       not null,
    product             varchar(30)  not null,
    amount              bigint       not null,
    term_months         integer      not null,
    purpose             varchar(30)  not null,
    financial_consent   boolean      not null,
    telecom_consent     boolean      not null,
    consent_granted_at  timestamp with time zone not null,
    submitted_by        varchar(64)  not null,
    status_reason       varchar(500),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create index ix_loan_application_status on loan_application (status, created_at);
create index ix_loan_application_submitter on loan_application (submitted_by, created_at);

-- An Idempotency-Key is scoped to the client that sent it; the hash tells a replay from a different body.
create table application_idempotency_key (
    client_id        varchar(64)  not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    application_id   varchar(36)  not null references loan_application (id),
    created_at       timestamp with time zone not null,
    primary key (client_id, idempotency_key)
);

-- The final decision of an application, written once when it reaches a final status.
create table loan_decision (
    application_id   varchar(36)  primary key references loan_application (id),
    outcome          varchar(20)  not null,
    score            integer,
    grade            varchar(5),
    credit_limit     bigint,
    annual_rate      numeric(5, 2),
    reasons          varchar(4000) not null,
    ruleset_version  varchar(64),
    decided_by       varchar(64)  not null,
    second_approver  varchar(64),
    decision_comment varchar(2000),
    decided_at       timestamp with time zone not null
);
