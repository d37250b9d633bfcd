package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.creditflow.scoring.Outcome;

import org.springframework.lang.Nullable;

/**
 * Everything a backtest counts over the decided rows, in constant memory: the candidate's
 * figures overall, by segment and by grade, the baseline's and the migration between
 * them, the reproduction of recorded decisions, and the counts behind the report's
 * curves. Rows are added in order by one thread.
 */
final class BacktestCounts {

	/** Fixed, so that a rerun gives the same intervals; each group adds its index. */
	private static final long BOOTSTRAP_SEED = 20_261_204L;

	private static final int DIFFERENCES_KEPT = 20;

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

	BacktestCounts(boolean withBaseline) {
		this.baseline = withBaseline ? new Tally() : null;
	}

	void add(Backtest.Decided decided) {
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

	BacktestSummary summary(BacktestSummary.RulesetInfo candidate, @Nullable BacktestSummary.RulesetInfo baselineInfo,
			String population, double seconds) {
		long seed = BOOTSTRAP_SEED;
		BacktestSummary.Comparison comparison = null;
		if (this.baseline != null) {
			comparison = new BacktestSummary.Comparison(this.baseline.figures(seed),
					figures(this.baselineBySegment, seed), this.migration.migration(), migrations(),
					(this.bothApproved > 0) ? this.rateChange / this.bothApproved : null,
					(this.bothApproved > 0) ? this.limitChange / this.bothApproved : null);
		}
		return new BacktestSummary(candidate, baselineInfo, population, this.all.figures(seed),
				figures(this.bySegment, seed), figures(this.byGrade, seed), comparison,
				(this.compared > 0)
						? new BacktestSummary.Reproduction(this.compared, this.identical, List.copyOf(this.differences))
						: null,
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
