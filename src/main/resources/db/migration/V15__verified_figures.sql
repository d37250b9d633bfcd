-- An officer who approves an application whose bank data could not be fetched states the income and
-- the existing repayments they verified, and the document they verified them with (docs/api.md).
alter table review_decision add column verified_monthly_income bigint;
alter table review_decision add column verified_monthly_repayments bigint;
alter table review_decision add column verification_document varchar(200);
