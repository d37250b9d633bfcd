package org.creditflow.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.creditflow.scoring.RecordedCases;
import org.creditflow.scoring.Ruleset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a proposed ruleset would change, measured before anyone approves it: a backtest of
 * the candidate against the ruleset in service on the applications recorded recently (the
 * newest {@code creditflow.rules.impact.recent-limit} of the last {@code recent-days})
 * and on a synthetic history with known outcomes (seeded, so every release is measured on
 * the same applicants). Both are small enough to run inside one job of the release
 * process.
 */
@Service
public class ReleaseImpact {

	public static final String RECORDED = "recorded";

	public static final String SYNTHETIC = "synthetic";

	/**
	 * One population's headline: the candidate's figures beside the baseline's.
	 *
	 * @param changedBands rows whose band differs between the two
	 * @param badRateApproved the bad rate of the loans each would approve; null without
	 * outcomes (recorded applications)
	 */
	public record Headline(String population, long rows, Figure approvalRate, Figure referRate, Figure declineRate,
			Figure badRateApproved, Figure gini, Figure meanRate, long changedBands) {
	}

	/** A figure for the candidate and the baseline (the ruleset in service). */
	public record Figure(@Nullable Double candidate, @Nullable Double baseline) {
	}

	/**
	 * The impact: a headline per population and its full report (HTML, charts included).
	 */
	public record Impact(Map<String, Headline> headlines, Map<String, String> reports) {
	}

	private final RecordedCases recorded;

	private final Clock clock;

	private final int recentDays;

	private final int recentLimit;

	private final int syntheticSize;

	private final long syntheticSeed;

	ReleaseImpact(RecordedCases recorded, Clock clock,
			@Value("${creditflow.rules.impact.recent-days:90}") int recentDays,
			@Value("${creditflow.rules.impact.recent-limit:5000}") int recentLimit,
			@Value("${creditflow.rules.impact.synthetic-size:5000}") int syntheticSize,
			@Value("${creditflow.rules.impact.synthetic-seed:20261205}") long syntheticSeed) {
		this.recorded = recorded;
		this.clock = clock;
		this.recentDays = recentDays;
		this.recentLimit = recentLimit;
		this.syntheticSize = syntheticSize;
		this.syntheticSeed = syntheticSeed;
	}

	public Impact measure(Ruleset candidate, String candidateOrigin, Ruleset baseline, String baselineOrigin) {
		Backtest backtest = new Backtest(candidate, candidateOrigin, baseline, baselineOrigin,
				Runtime.getRuntime().availableProcessors());
		try {
			BacktestSummary synthetic = synthetic(backtest);
			BacktestSummary recent = recent(backtest);
			Map<String, Headline> headlines = new java.util.LinkedHashMap<>();
			Map<String, String> reports = new java.util.LinkedHashMap<>();
			if (recent != null) {
				headlines.put(RECORDED, headline(recent));
				reports.put(RECORDED, BacktestReport.html(recent));
			}
			headlines.put(SYNTHETIC, headline(synthetic));
			reports.put(SYNTHETIC, BacktestReport.html(synthetic));
			return new Impact(headlines, reports);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The impact could not be measured", ex);
		}
	}

	@Nullable
	private BacktestSummary recent(Backtest backtest) throws IOException {
		OffsetDateTime from = OffsetDateTime.now(this.clock).minusDays(this.recentDays);
		OffsetDateTime newest = this.recorded.startOfNewest(this.recentLimit).orElse(from);
		if (newest.isAfter(from)) {
			from = newest;
		}
		RecordedPopulation population = new RecordedPopulation(this.recorded, from, null, null);
		long rows = population.count();
		if (rows == 0) {
			return null;
		}
		return backtest.run(String.format("the %,d application%s recorded since %s", rows, (rows == 1) ? "" : "s",
				from.toLocalDate()), population, Writer.nullWriter(), (done) -> {
				});
	}

	private BacktestSummary synthetic(Backtest backtest) throws IOException {
		Path file = Files.createTempFile("creditflow-impact-", ".csv");
		try {
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				HistoryCommand.write(writer, this.syntheticSize, this.syntheticSeed,
						HistoryCommand.DEFAULT_TELECOM_SIGNAL,
						new Progress(new PrintStream(OutputStream.nullOutputStream()), "history", this.syntheticSize));
			}
			return backtest.run(String.format("a synthetic history of %,d applicants (seed %d)", this.syntheticSize,
					this.syntheticSeed), new HistoryFile(file), Writer.nullWriter(), (done) -> {
					});
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static Headline headline(BacktestSummary summary) {
		Figures candidate = summary.figures();
		Figures baseline = summary.comparison().baseline();
		Migration migration = summary.comparison().migration();
		long changed = 0;
		for (int row = 0; row < migration.counts().length; row++) {
			for (int column = 0; column < migration.counts()[row].length; column++) {
				if (row != column) {
					changed += migration.counts()[row][column];
				}
			}
		}
		return new Headline(summary.population(), candidate.rows(),
				new Figure(candidate.approvalRate(), baseline.approvalRate()),
				new Figure(candidate.referRate(), baseline.referRate()),
				new Figure(candidate.declineRate(), baseline.declineRate()),
				new Figure(candidate.badRateApproved(), baseline.badRateApproved()),
				new Figure(candidate.gini(), baseline.gini()), new Figure(candidate.meanRate(), baseline.meanRate()),
				changed);
	}

}
