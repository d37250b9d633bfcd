package org.creditflow.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.creditflow.scoring.Outcome;
import org.creditflow.scoring.Ruleset;

import org.springframework.lang.Nullable;

/**
 * Runs a candidate ruleset, and optionally a baseline, over a population that streams
 * past: rows are read in batches, each batch is decided on every core while the next is
 * read, and the decided rows are counted and written in their order. Memory stays that of
 * two batches, whatever the population's size.
 */
final class Backtest {

	/** A population that hands its rows, in order, to a consumer. */
	interface Population {

		void forEach(Consumer<BacktestCase> each) throws IOException;

		/**
		 * Hands its rows over still to be read, so that the cores that decide them read
		 * them too; by default they are read already.
		 */
		default void forEachRow(Consumer<Row> each) throws IOException {
			forEach((row) -> each.accept(() -> row));
		}

	}

	/** A row of a population, read when it is decided. */
	interface Row {

		BacktestCase read();

	}

	/** A backtest that cannot go on, with the row it stopped at. */
	static final class BacktestFailedException extends RuntimeException {

		BacktestFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private static final int BATCH = 2048;

	/** Different for each group, fixed so that a rerun gives the same intervals. */
	private static final long BOOTSTRAP_SEED = 20_261_204L;

	private static final int DIFFERENCES_KEPT = 20;

	private final Ruleset candidate;

	@Nullable
	private final Ruleset baseline;

	private final String candidateOrigin;

	@Nullable
	private final String baselineOrigin;

	private final int threads;

	Backtest(Ruleset candidate, String candidateOrigin, @Nullable Ruleset baseline, @Nullable String baselineOrigin,
			int threads) {
		this.candidate = candidate;
		this.candidateOrigin = candidateOrigin;
		this.baseline = baseline;
		this.baselineOrigin = baselineOrigin;
		this.threads = Math.max(1, threads);
	}

	/**
	 * Runs the rulesets over every row, writes {@code decisions.csv} to {@code decisions}
	 * and answers the summary; {@code progress} hears how many rows each batch decided.
	 */
	BacktestSummary run(String populationName, Population population, Writer decisions, LongConsumer progress)
			throws IOException {
		long started = System.nanoTime();
		Counts counts = new Counts(this.baseline != null);
		DecisionsCsv csv = new DecisionsCsv(decisions, this.baseline != null);
		ExecutorService workers = Executors.newFixedThreadPool(this.threads, (task) -> {
			Thread thread = new Thread(task, "backtest");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Row> batch = new ArrayList<>(BATCH);
			Future<?>[] inFlight = { null };
			List<Decided[]> pending = new ArrayList<>(1);
			Runnable finishPending = () -> {
				if (inFlight[0] != null) {
					await(inFlight[0]);
					for (Decided decided : pending.get(0)) {
						counts.add(decided);
						csv.write(decided);
					}
					progress.accept(pending.get(0).length);
					pending.clear();
					inFlight[0] = null;
				}
			};
			population.forEachRow((row) -> {
				batch.add(row);
				if (batch.size() == BATCH) {
					Decided[] decided = new Decided[batch.size()];
					Future<?> next = decide(workers, List.copyOf(batch), decided);
					batch.clear();
					finishPending.run();
					inFlight[0] = next;
					pending.add(decided);
				}
			});
			Decided[] last = new Decided[batch.size()];
			Future<?> next = decide(workers, List.copyOf(batch), last);
			finishPending.run();
			inFlight[0] = next;
			pending.add(last);
			finishPending.run();
			csv.flush();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		finally {
			workers.shutdownNow();
		}
		return counts.summary(this, populationName, (System.nanoTime() - started) / 1e9);
	}

	/** Decides the batch on every worker, each a contiguous slice. */
	private Future<?> decide(ExecutorService workers, List<Row> batch, Decided[] decided) {
		int slice = (batch.size() + this.threads - 1) / this.threads;
		List<Future<?>> slices = new ArrayList<>();
		for (int start = 0; start < batch.size(); start += slice) {
			int from = start;
			int to = Math.min(batch.size(), start + slice);
			slices.add(workers.submit(() -> {
				for (int i = from; i < to; i++) {
					decided[i] = decide(batch.get(i));
				}
			}));
		}
		return new AllOf(slices);
	}

	private Decided decide(Row unread) {
		BacktestCase row = unread.read();
		try {
			return new Decided(row, this.candidate.decide(row.facts()),
					(this.baseline != null) ? this.baseline.decide(row.facts()) : null);
		}
		catch (RuntimeException ex) {
			throw new BacktestFailedException("The rules failed on row " + row.id() + ": " + ex.getMessage(), ex);
		}
	}

	private static void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BacktestFailedException("The backtest was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof BacktestFailedException failed) {
				throw failed;
			}
			throw new BacktestFailedException("The backtest failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	/** One row with what each ruleset concluded on it. */
	record Decided(BacktestCase row, Outcome candidate, @Nullable Outcome baseline) {
	}

	/** Waits for every slice of a batch. */
	private record AllOf(List<Future<?>> slices) implements Future<Object> {

		@Override
		public boolean cancel(boolean mayInterrupt) {
			this.slices.forEach((slice) -> slice.cancel(mayInterrupt));
			return true;
		}

		@Override
		public boolean isCancelled() {
			return this.slices.stream().anyMatch(Future::isCancelled);
		}

		@Override
		public boolean isDone() {
			return this.slices.stream().allMatch(Future::isDone);
		}

		@Override
		@Nullable
		public Object get() throws InterruptedException, ExecutionException {
			for (Future<?> slice : this.slices) {
				slice.get();
			}
			return null;
		}

		@Override
		@Nullable
		public Object get(long timeout, java.util.concurrent.TimeUnit unit)
				throws InterruptedException, ExecutionException {
			return get();
		}

	}

	/** Everything counted over the rows, in constant memory. */
	private static final class Counts {

		private final Tally all = new Tally();

		private final Map<String, Tally> bySegment = new TreeMap<>();

		private final Map<String, Tally> byGrade = new TreeMap<>();

		@Nullable
		private final Tally baseline;

		private final Map<String, Tally> baselineBySegment = new TreeMap<>();

		private final MigrationTally migration = new MigrationTally();

		private final Map<String, MigrationTally> migrationBySegment = new TreeMap<>();

		private final long[] rowsAtScore = new long[1001];

		private final long[] approvedAtScore = new long[1001];

		private long bothApproved;

		private double rateChange;

		private double limitChange;

		private long compared;

		private long identical;

		private final List<String> differences = new ArrayList<>();

		Counts(boolean withBaseline) {
			this.baseline = withBaseline ? new Tally() : null;
		}

		void add(Decided decided) {
			BacktestCase row = decided.row();
			Outcome outcome = decided.candidate();
			this.all.add(outcome, row.bad());
			this.bySegment.computeIfAbsent(row.segment(), (key) -> new Tally()).add(outcome, row.bad());
			this.byGrade.computeIfAbsent((outcome.grade() != null) ? outcome.grade() : "NONE", (key) -> new Tally())
				.add(outcome, row.bad());
			if (outcome.score() != null) {
				this.rowsAtScore[outcome.score()]++;
				this.approvedAtScore[outcome.score()] += Tally.APPROVE.equals(outcome.band()) ? 1 : 0;
			}
			Outcome base = decided.baseline();
			if (base != null && this.baseline != null) {
				this.baseline.add(base, row.bad());
				this.baselineBySegment.computeIfAbsent(row.segment(), (key) -> new Tally()).add(base, row.bad());
				this.migration.add(base.band(), outcome.band(), row.bad());
				this.migrationBySegment.computeIfAbsent(row.segment(), (key) -> new MigrationTally())
					.add(base.band(), outcome.band(), row.bad());
				if (Tally.APPROVE.equals(base.band()) && Tally.APPROVE.equals(outcome.band())) {
					this.bothApproved++;
					this.rateChange += value(outcome.offerRate()) - value(base.offerRate());
					this.limitChange += value(outcome.offerLimit()) - value(base.offerLimit());
				}
			}
			if (row.recorded() != null) {
				this.compared++;
				List<String> found = row.recorded().differencesTo(outcome, "recorded", "backtest");
				if (found.isEmpty()) {
					this.identical++;
				}
				else if (this.differences.size() < DIFFERENCES_KEPT) {
					this.differences.add(row.id() + ": " + String.join("; ", found));
				}
			}
		}

		BacktestSummary summary(Backtest backtest, String population, double seconds) {
			long seed = BOOTSTRAP_SEED;
			BacktestSummary.Comparison comparison = null;
			if (this.baseline != null && backtest.baseline != null) {
				comparison = new BacktestSummary.Comparison(this.baseline.figures(seed),
						figures(this.baselineBySegment, seed), this.migration.migration(), migrations(),
						(this.bothApproved > 0) ? this.rateChange / this.bothApproved : null,
						(this.bothApproved > 0) ? this.limitChange / this.bothApproved : null);
			}
			return new BacktestSummary(
					new BacktestSummary.RulesetInfo(backtest.candidate.version(), backtest.candidateOrigin),
					(backtest.baseline != null) ? new BacktestSummary.RulesetInfo(backtest.baseline.version(),
							String.valueOf(backtest.baselineOrigin)) : null,
					population, this.all.figures(seed), figures(this.bySegment, seed), figures(this.byGrade, seed),
					comparison, (this.compared > 0) ? new BacktestSummary.Reproduction(this.compared, this.identical,
							List.copyOf(this.differences)) : null,
					curves(), Math.round(seconds * 10) / 10.0);
		}

		private BacktestSummary.Curves curves() {
			ScoreDistribution scores = this.all.scores();
			List<BacktestSummary.ScoreBandFigures> bands = new ArrayList<>();
			for (int from = 0; from <= 1000; from += 20) {
				long rows = 0;
				long approved = 0;
				long goods = 0;
				long bads = 0;
				for (int score = from; score < Math.min(1001, from + 20); score++) {
					rows += this.rowsAtScore[score];
					approved += this.approvedAtScore[score];
					goods += scores.goodsAt(score);
					bads += scores.badsAt(score);
				}
				if (rows > 0) {
					bands.add(new BacktestSummary.ScoreBandFigures(from, from + 20, rows, approved, goods, bads,
							Tally.share(approved, rows), (goods + bads > 0) ? Tally.share(bads, goods + bads) : null));
				}
			}
			boolean separable = scores.goods() > 0 && scores.bads() > 0;
			return new BacktestSummary.Curves(separable ? scores.roc() : List.of(),
					(this.baseline != null && this.baseline.scores().goods() > 0 && this.baseline.scores().bads() > 0)
							? this.baseline.scores().roc() : null,
					separable ? scores.ksCurve() : List.of(), bands);
		}

		private Map<String, Migration> migrations() {
			Map<String, Migration> migrations = new TreeMap<>();
			this.migrationBySegment.forEach((segment, tally) -> migrations.put(segment, tally.migration()));
			return migrations;
		}

		private static Map<String, Figures> figures(Map<String, Tally> tallies, long seed) {
			Map<String, Figures> figures = new TreeMap<>();
			long groupSeed = seed;
			for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
				figures.put(entry.getKey(), entry.getValue().figures(++groupSeed));
			}
			return figures;
		}

		private static double value(@Nullable Number number) {
			return (number == null) ? 0 : number.doubleValue();
		}

	}

}
