-- Officers' decisions on review tasks (module: review), written when the task completes and never changed.

create table review_decision (
    id                        varchar(36)   primary key,
    application_id            varchar(36)   not null,
    task_id                   varchar(64)   not null,
    step                      varchar(20)   not null,
    decided_by                varchar(64)   not null,
    decided_by_groups         varchar(500)  not null,
    decision                  varchar(30)   not null,
    decision_comment          varchar(2000) not null,
    approved_limit            bigint,
    approved_rate             numeric(5, 2),
    decline_reason            varchar(60),
    information_requested     varchar(2000),
    second_approval_required  boolean,
    decided_at                timestamp with time zone not null
);

create index ix_review_decision_application on review_decision (application_id, decided_at);
