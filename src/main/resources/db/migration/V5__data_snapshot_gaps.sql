-- A MyData source that stayed unavailable is recorded as MISSING, with why, in place of a payload;
-- the snapshot also names the channel the consent came through.

alter table data_snapshot add column status varchar(20) default 'RECEIVED' not null;
alter table data_snapshot add column failure varchar(1000);
alter table data_snapshot add column consent_channel varchar(64);
alter table data_snapshot alter column payload drop not null;
alter table data_snapshot alter column payload_sha256 drop not null;
