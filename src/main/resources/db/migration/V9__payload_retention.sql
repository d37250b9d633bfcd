-- MyData payloads are kept for creditflow.mydata.payload-retention after their application's final
-- status, then removed (module: mydata). The SHA-256 stays: the assessments and the decision chain
-- cite it, and the chain records the purge itself. Open applications keep their payloads: they may be
-- assessed again.

-- when the application reached its final status (the retention runs from there); null while open
alter table data_snapshot add column application_closed_at timestamp with time zone;
-- when the payload was removed; null while it is kept
alter table data_snapshot add column payload_purged_at timestamp with time zone;

-- the purge looks for payloads still kept whose application closed before the cut-off
create index ix_data_snapshot_retention on data_snapshot (payload_purged_at, application_closed_at);

-- applications that ended before this migration: their final status is the last change of their row
update data_snapshot set application_closed_at = (
    select a.updated_at from loan_application a
    where a.id = data_snapshot.application_id and a.status in ('APPROVED', 'DECLINED', 'WITHDRAWN', 'EXPIRED'))
where payload is not null;
