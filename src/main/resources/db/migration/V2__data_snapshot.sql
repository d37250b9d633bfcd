-- MyData snapshots (module: mydata): every fetch result, stored once per application and source.

create table data_snapshot (
    id                  varchar(36)  primary key,
    application_id      varchar(36)  not null,
    source              varchar(20)  not null,
    provider            varchar(100) not null,
    fetched_at          timestamp with time zone not null,
    consent_scope       varchar(100) not null,
    consent_granted_at  timestamp with time zone not null,
    consent_subject     varchar(64)  not null,
    payload             text         not null,
    payload_sha256      varchar(64)  not null,
    constraint uq_data_snapshot unique (application_id, source)
);
