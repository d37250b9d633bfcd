-- What a review decided on (module: review): the assessment the officer saw. A final decision is
-- issued only from a review of the application's latest assessment, never from process variables.
alter table review_decision add column assessment_id varchar(36);

-- Who answered an officer's request for information, and with what (module: application). The
-- officer who decides the review afterwards must be someone else (separation of duties).
create table information_response (
    id               varchar(36)   primary key,
    application_id   varchar(36)   not null references loan_application (id),
    provided_by      varchar(64)   not null,
    message          varchar(2000) not null,
    annual_income    bigint,
    employment_type  varchar(20),
    provided_at      timestamp with time zone not null
);

create index ix_information_response_application on information_response (application_id, provided_at);
