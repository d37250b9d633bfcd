package org.creditflow.backtest;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * One backtest run as {@code backtest_run} keeps it, without its results.
 *
 * @param rulesetNamed how the request named the ruleset: {@code active},
 * {@code candidate} or its version
 * @param node the service instance that runs it
 * @param heartbeatAt when that node last said the run is still in its hands
 */
record BacktestRun(String id, Status status, String requestedBy, OffsetDateTime requestedAt,
		@Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt, String rulesetVersion,
		String rulesetNamed, @Nullable String baselineVersion, @Nullable String baselineNamed, String population,
		long rowsTotal, long rowsDone, @Nullable String error, String node, OffsetDateTime heartbeatAt) {

	/** A node refreshes the heartbeat of its unfinished runs this often. */
	static final long HEARTBEAT_MILLIS = 30_000;

	/**
	 * An unfinished run whose heartbeat is older than this lost its node: it will never
	 * finish.
	 */
	static final Duration LOST_AFTER = Duration.ofMinutes(2);

	/**
	 * Where a run is. The first four are stored; {@code INTERRUPTED} is how a run reads
	 * whose node died before finishing it.
	 */
	enum Status {

		QUEUED, RUNNING, DONE, FAILED, INTERRUPTED

	}

	/**
	 * The status as of {@code now}: an unfinished run of a silent node is interrupted.
	 */
	Status statusAt(OffsetDateTime now) {
		boolean unfinished = this.status == Status.QUEUED || this.status == Status.RUNNING;
		return (unfinished && this.heartbeatAt.isBefore(now.minus(LOST_AFTER))) ? Status.INTERRUPTED : this.status;
	}

}
