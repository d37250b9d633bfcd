-- An applicant's contest of a decision (Credit Information Act art. 36-2): a new application for the
-- same loan, assessed again and, unless the rules now approve, decided by an officer who did not decide
-- the contested one. The contested decision stays as it was told; the contest links the two.
create table decision_contest (
    application_id            varchar(36)   primary key references loan_application (id),
    contested_application_id  varchar(36)   not null unique references loan_application (id),
    kind                      varchar(20)   not null,
    statement                 varchar(2000) not null,
    submitted_by              varchar(64)   not null,
    submitted_at              timestamp with time zone not null
);
