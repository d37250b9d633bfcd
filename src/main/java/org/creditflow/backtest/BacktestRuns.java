package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.creditflow.backtest.BacktestRun.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Backtests run inside the service: accepted into this node's {@link BacktestQueue},
 * recorded in {@code backtest_run} from the start, run with every core, their progress
 * written every few seconds and their results (summary, report, gzipped decisions) once
 * at the end. The node keeps a heartbeat on its unfinished runs, so a run whose node died
 * reads as interrupted instead of running forever.
 */
@Service
class BacktestRuns implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BacktestRuns.class);

	/** The latest runs a listing shows. */
	static final int LISTED = 50;

	/** Progress is written at most this often. */
	private static final long PROGRESS_NANOS = 2_000_000_000L;

	private final BacktestRunRepository runs;

	private final BacktestQueue queue;

	private final Clock clock;

	/** This service instance; a restarted one is another node. */
	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	BacktestRuns(BacktestRunRepository runs, BacktestQueue queue, Clock clock) {
		this.runs = runs;
		this.queue = queue;
		this.clock = clock;
	}

	/**
	 * Records the run as queued and hands it to its place in the queue.
	 * @return the run as recorded
	 */
	BacktestRun accept(BacktestPlan plan, String requestedBy, BacktestQueue.Place place) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		BacktestRun run = new BacktestRun(UUID.randomUUID().toString(), Status.QUEUED, requestedBy, now, null, null,
				plan.candidate().ruleset().version(), plan.candidate().named(),
				(plan.baseline() != null) ? plan.baseline().ruleset().version() : null,
				(plan.baseline() != null) ? plan.baseline().named() : null, plan.populationName(), plan.rows(), 0, null,
				this.node, now);
		this.runs.insert(run);
		place.run(() -> execute(run.id(), plan));
		return run;
	}

	private void execute(String id, BacktestPlan plan) {
		Path decisions = null;
		Path compressed = null;
		try {
			this.runs.started(id, OffsetDateTime.now(this.clock));
			decisions = Files.createTempFile("backtest-" + id + "-", ".csv");
			compressed = Files.createTempFile("backtest-" + id + "-", ".csv.gz");
			Backtest backtest = new Backtest(plan.candidate().ruleset(), plan.candidate().named(),
					(plan.baseline() != null) ? plan.baseline().ruleset() : null,
					(plan.baseline() != null) ? plan.baseline().named() : null,
					Runtime.getRuntime().availableProcessors());
			ProgressWriter progress = new ProgressWriter(id);
			BacktestSummary summary;
			try (Writer out = Files.newBufferedWriter(decisions, StandardCharsets.UTF_8)) {
				summary = backtest.run(plan.populationName(), plan.population(), out, progress::advance);
			}
			gzip(decisions, compressed);
			this.runs.done(id, progress.rows, new String(BacktestFiles.summaryJson(summary), StandardCharsets.UTF_8),
					new String(BacktestFiles.reportHtml(summary), StandardCharsets.UTF_8), compressed,
					OffsetDateTime.now(this.clock));
		}
		catch (Backtest.BacktestFailedException ex) {
			log.warn("Backtest {} failed: {}", id, ex.getMessage(), ex);
			fail(id, ex.getMessage());
		}
		catch (IOException | UncheckedIOException ex) {
			log.error("Backtest {} could not read or write its files", id, ex);
			fail(id, "The backtest could not read or write its files: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Backtest {} failed", id, ex);
			fail(id, "The backtest failed: " + ex);
		}
		catch (Error ex) {
			fail(id, "The backtest failed: " + ex);
			throw ex;
		}
		finally {
			delete(decisions);
			delete(compressed);
			delete(plan.upload());
		}
	}

	private void fail(String id, String error) {
		this.runs.failed(id, error, OffsetDateTime.now(this.clock));
	}

	/** This node still holds its unfinished runs. */
	@Scheduled(fixedRate = BacktestRun.HEARTBEAT_MILLIS, initialDelay = BacktestRun.HEARTBEAT_MILLIS)
	void heartbeat() {
		this.runs.heartbeat(this.node, OffsetDateTime.now(this.clock));
	}

	Optional<BacktestRun> find(String id) {
		return this.runs.find(id, this.clock.getZone());
	}

	List<BacktestRun> latest() {
		return this.runs.latest(LISTED, this.clock.getZone());
	}

	Optional<String> summary(String id) {
		return this.runs.summary(id);
	}

	Optional<String> report(String id) {
		return this.runs.report(id);
	}

	void writeDecisions(String id, OutputStream out) {
		this.runs.writeDecisions(id, out);
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	/**
	 * The service is stopping: runs under way are interrupted, and every unfinished run
	 * of this node is marked failed at once rather than read as interrupted minutes
	 * later.
	 */
	@Override
	public void destroy() {
		this.queue.stop();
		int stopped = this.runs.failUnfinished(this.node,
				"The service stopped before the backtest finished; request it again.", OffsetDateTime.now(this.clock));
		if (stopped > 0) {
			log.warn("{} unfinished backtest(s) of this node were marked failed as the service stopped", stopped);
		}
	}

	private static void gzip(Path from, Path to) throws IOException {
		try (InputStream in = Files.newInputStream(from);
				OutputStream out = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16)) {
			in.transferTo(out);
		}
	}

	private static void delete(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Cannot delete the temporary file {}: {}", file, ex.getMessage());
			}
		}
	}

	/** Counts decided rows and writes them at most every two seconds. */
	private final class ProgressWriter {

		private final String id;

		private long rows;

		private long writtenAt = System.nanoTime();

		ProgressWriter(String id) {
			this.id = id;
		}

		void advance(long decided) {
			this.rows += decided;
			long now = System.nanoTime();
			if (now - this.writtenAt >= PROGRESS_NANOS) {
				this.writtenAt = now;
				BacktestRuns.this.runs.progress(this.id, this.rows, OffsetDateTime.now(BacktestRuns.this.clock));
			}
		}

	}

}
