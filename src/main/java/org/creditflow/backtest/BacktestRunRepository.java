package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.creditflow.backtest.BacktestRun.Status;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code backtest_run} table. A run's row is written by the node that runs it: once
 * when accepted, as it starts, as it progresses, and once when it ends; its results are
 * written in that last step, all at once.
 */
@Repository
class BacktestRunRepository {

	private static final String COLUMNS = "id, status, requested_by, requested_at, started_at, finished_at,"
			+ " ruleset_version, ruleset_named, baseline_version, baseline_named, population, rows_total, rows_done,"
			+ " error, node, heartbeat_at";

	private static final int ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	BacktestRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(BacktestRun run) {
		this.jdbc
			.sql("insert into backtest_run (" + COLUMNS + ") values (:id, :status, :requestedBy, :requestedAt,"
					+ " null, null, :rulesetVersion, :rulesetNamed, :baselineVersion, :baselineNamed, :population,"
					+ " :rowsTotal, 0, null, :node, :heartbeatAt)")
			.param("id", run.id())
			.param("status", run.status().name())
			.param("requestedBy", run.requestedBy())
			.param("requestedAt", run.requestedAt())
			.param("rulesetVersion", run.rulesetVersion())
			.param("rulesetNamed", run.rulesetNamed())
			.param("baselineVersion", run.baselineVersion(), java.sql.Types.VARCHAR)
			.param("baselineNamed", run.baselineNamed(), java.sql.Types.VARCHAR)
			.param("population", run.population())
			.param("rowsTotal", run.rowsTotal())
			.param("node", run.node())
			.param("heartbeatAt", run.heartbeatAt())
			.update();
	}

	void started(String id, OffsetDateTime at) {
		this.jdbc
			.sql("update backtest_run set status = 'RUNNING', started_at = :at, heartbeat_at = :at"
					+ " where id = :id and status = 'QUEUED'")
			.param("id", id)
			.param("at", at)
			.update();
	}

	void progress(String id, long rowsDone, OffsetDateTime at) {
		this.jdbc
			.sql("update backtest_run set rows_done = :rowsDone, heartbeat_at = :at where id = :id"
					+ " and status = 'RUNNING'")
			.param("id", id)
			.param("rowsDone", rowsDone)
			.param("at", at)
			.update();
	}

	/** The node still holds its unfinished runs. */
	void heartbeat(String node, OffsetDateTime at) {
		this.jdbc
			.sql("update backtest_run set heartbeat_at = :at where node = :node and status in ('QUEUED', 'RUNNING')")
			.param("node", node)
			.param("at", at)
			.update();
	}

	/** Stores the results; {@code decisions} is the gzipped {@code decisions.csv}. */
	void done(String id, long rowsDone, String summary, String report, Path decisions, OffsetDateTime at)
			throws IOException {
		long length = Files.size(decisions);
		try (InputStream in = Files.newInputStream(decisions)) {
			SqlTypeValue stream = (statement, index, type, name) -> statement.setBinaryStream(index, in, length);
			this.jdbc
				.sql("update backtest_run set status = 'DONE', rows_done = :rowsDone, summary = :summary,"
						+ " report = :report, decisions = :decisions, finished_at = :at, heartbeat_at = :at"
						+ " where id = :id and status = 'RUNNING'")
				.param("id", id)
				.param("rowsDone", rowsDone)
				.param("summary", summary)
				.param("report", report)
				.param("decisions", stream)
				.param("at", at)
				.update();
		}
	}

	void failed(String id, String error, OffsetDateTime at) {
		this.jdbc
			.sql("update backtest_run set status = 'FAILED', error = :error, finished_at = :at, heartbeat_at = :at"
					+ " where id = :id and status in ('QUEUED', 'RUNNING')")
			.param("id", id)
			.param("error", shortened(error))
			.param("at", at)
			.update();
	}

	/** Ends every unfinished run of the node, which is stopping. */
	int failUnfinished(String node, String error, OffsetDateTime at) {
		return this.jdbc
			.sql("update backtest_run set status = 'FAILED', error = :error, finished_at = :at, heartbeat_at = :at"
					+ " where node = :node and status in ('QUEUED', 'RUNNING')")
			.param("node", node)
			.param("error", shortened(error))
			.param("at", at)
			.update();
	}

	Optional<BacktestRun> find(String id, ZoneId zone) {
		return this.jdbc.sql("select " + COLUMNS + " from backtest_run where id = :id")
			.param("id", id)
			.query((rs, row) -> run(rs, zone))
			.optional();
	}

	List<BacktestRun> latest(int count, ZoneId zone) {
		return this.jdbc.sql("select " + COLUMNS + " from backtest_run order by requested_at desc, id limit :count")
			.param("count", count)
			.query((rs, row) -> run(rs, zone))
			.list();
	}

	Optional<String> summary(String id) {
		return text(id, "summary");
	}

	Optional<String> report(String id) {
		return text(id, "report");
	}

	/** Writes the run's {@code decisions.csv}, decompressed as it is read. */
	void writeDecisions(String id, OutputStream out) {
		this.jdbc.sql("select decisions from backtest_run where id = :id and decisions is not null")
			.param("id", id)
			.query((ResultSet rs) -> {
				try (InputStream csv = new GZIPInputStream(rs.getBinaryStream(1))) {
					csv.transferTo(out);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

	private Optional<String> text(String id, String column) {
		return this.jdbc.sql("select " + column + " from backtest_run where id = :id and " + column + " is not null")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	private static BacktestRun run(ResultSet rs, ZoneId zone) throws SQLException {
		return new BacktestRun(rs.getString("id"), Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
				at(rs, "requested_at", zone), at(rs, "started_at", zone), at(rs, "finished_at", zone),
				rs.getString("ruleset_version"), rs.getString("ruleset_named"), rs.getString("baseline_version"),
				rs.getString("baseline_named"), rs.getString("population"), rs.getLong("rows_total"),
				rs.getLong("rows_done"), rs.getString("error"), rs.getString("node"), at(rs, "heartbeat_at", zone));
	}

	@Nullable
	private static OffsetDateTime at(ResultSet rs, String column, ZoneId zone) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return (at != null) ? at.atZoneSameInstant(zone).toOffsetDateTime() : null;
	}

	private static String shortened(String error) {
		return (error.length() <= ERROR_LENGTH) ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
	}

}
