-- Repayment outcomes (module: portfolio). Loan servicing reports each approved loan's status once a
-- month; a report for a month already reported replaces it (a correction) and counts its revisions.
create table loan_performance (
    application_id  varchar(36)              not null references loan_application (id),
    -- the first day of the reported month
    report_month    date                     not null,
    days_past_due   integer                  not null,
    status          varchar(12)              not null,
    balance         bigint                   not null,
    reported_by     varchar(64)              not null,
    reported_at     timestamp with time zone not null,
    revision        integer                  not null,
    primary key (application_id, report_month)
);

-- Each reported loan's outcome under the bad definition in force (creditflow.portfolio.bad.*), derived
-- from its reports at every report and again at start-up when the definition has changed.
create table loan_outcome (
    application_id       varchar(36)              primary key references loan_application (id),
    -- the month of the approval (the loan's booking), and what was decided then: the figures are
    -- broken down by these and the prediction (pd_percent) is checked against the outcome
    booked_month         date                     not null,
    grade                varchar(5),
    segment              varchar(20),
    pd_percent           double precision,
    ruleset_version      varchar(64),
    ruleset_role         varchar(10),
    -- the band the rules gave (APPROVE, REFER, DECLINE) and who approved: rules or an officer
    rules_band           varchar(10),
    decided_by           varchar(64)              not null,
    -- months on book of the latest report
    months_on_book       integer                  not null,
    last_status          varchar(12)              not null,
    -- the worst days past due reported within the bad definition's window
    worst_days_past_due  integer                  not null,
    bad                  boolean                  not null,
    -- the first month the loan met the bad definition, else null
    bad_month            date,
    -- the definition the flag was derived with, e.g. 90dpd-12m
    bad_definition       varchar(20)              not null,
    updated_at           timestamp with time zone not null
);

create index ix_loan_outcome_booked on loan_outcome (booked_month);
