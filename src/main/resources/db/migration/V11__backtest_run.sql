-- Backtests run inside the service (module: backtest): one row per run, from the request to its
-- results. A run executes on the node that accepted it; that node refreshes heartbeat_at while the
-- run waits or runs, so a run whose node died is recognisable by an old heartbeat.

create table backtest_run (
    id                varchar(36)    primary key,
    -- QUEUED, RUNNING, DONE or FAILED
    status            varchar(10)    not null,
    requested_by      varchar(64)    not null,
    requested_at      timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    -- the version (SHA-256 of the rule files) and how the request named it: active, candidate or the version
    ruleset_version   varchar(64)    not null,
    ruleset_named     varchar(64)    not null,
    baseline_version  varchar(64),
    baseline_named    varchar(64),
    population        varchar(500)   not null,
    rows_total        bigint         not null,
    rows_done         bigint         not null,
    -- once DONE: summary.json, report.html and decisions.csv (gzipped)
    summary           text,
    report            text,
    decisions         bytea,
    error             varchar(2000),
    node              varchar(200)   not null,
    heartbeat_at      timestamp with time zone not null
);

create index ix_backtest_run_requested_at on backtest_run (requested_at);

create index ix_backtest_run_node on backtest_run (node, status);
