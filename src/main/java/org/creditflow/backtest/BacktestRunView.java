package org.creditflow.backtest;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.creditflow.backtest.BacktestRun.Status;

import org.springframework.lang.Nullable;

/**
 * A backtest run as the API shows it.
 *
 * @param summary {@code summary.json} once the run is done, in the listing left out
 */
@Schema(name = "BacktestRun")
record BacktestRunView(String id, Status status, String requestedBy, OffsetDateTime requestedAt,
		@Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt, RulesetView ruleset,
		@Nullable RulesetView baseline, String population, ProgressView progress, @Nullable String error,
		@Schema(type = "object", description = "summary.json, once DONE") @JsonRawValue @Nullable String summary,
		Links links) {

	static final String BASE = "/api/backtests/";

	@Schema(name = "BacktestRuleset")
	record RulesetView(@Schema(description = "SHA-256 of the rule files") String version,
			@Schema(description = "how the request named it: active, candidate or the version") String named) {
	}

	@Schema(name = "BacktestProgress")
	record ProgressView(long rows, long done, int percent) {
	}

	/** Where the run and, once it is done, its results are. */
	@Schema(name = "BacktestLinks")
	record Links(String self, @Nullable String report, @Nullable String decisions, @Nullable String summary) {
	}

	static BacktestRunView of(BacktestRun run, OffsetDateTime now, @Nullable String summary) {
		Status status = run.statusAt(now);
		String self = BASE + run.id();
		boolean done = status == Status.DONE;
		String error = (status == Status.INTERRUPTED && run.error() == null) ? "The node that ran it (" + run.node()
				+ ") stopped answering at " + run.heartbeatAt() + "; the run will not finish. Request it again."
				: run.error();
		return new BacktestRunView(run.id(), status, run.requestedBy(), run.requestedAt(), run.startedAt(),
				run.finishedAt(), new RulesetView(run.rulesetVersion(), run.rulesetNamed()),
				(run.baselineVersion() != null)
						? new RulesetView(run.baselineVersion(), String.valueOf(run.baselineNamed())) : null,
				run.population(), new ProgressView(run.rowsTotal(), run.rowsDone(), percent(run)), error,
				done ? summary : null, new Links(self, done ? self + "/report" : null,
						done ? self + "/decisions" : null, done ? self + "/summary" : null));
	}

	private static int percent(BacktestRun run) {
		return (run.rowsTotal() > 0) ? (int) Math.min(100, run.rowsDone() * 100 / run.rowsTotal()) : 0;
	}

}
