-- One decision per task: when two officers complete the same task at once, the second insert fails
-- and that officer is told someone else decided it (module: review).
alter table review_decision add constraint uq_review_decision_task unique (task_id);
