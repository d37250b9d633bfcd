package org.creditflow.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
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
		BacktestCounts counts = new BacktestCounts(this.baseline != null);
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
		BacktestSummary.RulesetInfo baselineInfo = (this.baseline != null)
				? new BacktestSummary.RulesetInfo(this.baseline.version(), String.valueOf(this.baselineOrigin)) : null;
		return counts.summary(new BacktestSummary.RulesetInfo(this.candidate.version(), this.candidateOrigin),
				baselineInfo, populationName, (System.nanoTime() - started) / 1e9);
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

}
