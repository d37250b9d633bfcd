package org.creditflow.backtest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.lang.Nullable;

/**
 * The outcome of a backtest, as {@code summary.json} holds it: the candidate's figures
 * over the whole population (at the top level), by segment and by grade; with a baseline,
 * the baseline's figures, the migration between them and the change in prices; for a
 * population of recorded applications, whether the candidate reproduces what was
 * recorded; and the curves the report draws.
 *
 * @param population where the rows came from (a file, or recorded applications and their
 * period)
 * @param figures the candidate over every row
 * @param bySegment the candidate per segment (thin file, full file, no financial data)
 * @param byGrade the candidate per grade it gave
 */
record BacktestSummary(RulesetInfo ruleset, @Nullable RulesetInfo baseline, String population,
		@JsonUnwrapped Figures figures, Map<String, Figures> bySegment, Map<String, Figures> byGrade,
		@Nullable Comparison comparison, @Nullable Reproduction reproduced, Curves curves, double seconds) {

	/** Which ruleset: its version (SHA-256 of its files) and where it came from. */
	record RulesetInfo(String version, String origin) {
	}

	/**
	 * The candidate against the baseline.
	 *
	 * @param meanRateChange candidate minus baseline rate, mean over rows both approve
	 * (percentage points)
	 * @param meanLimitChange candidate minus baseline limit, mean over rows both approve
	 * (KRW)
	 */
	record Comparison(Figures baseline, Map<String, Figures> baselineBySegment, Migration migration,
			Map<String, Migration> migrationBySegment, @Nullable Double meanRateChange,
			@Nullable Double meanLimitChange) {
	}

	/**
	 * Recorded applications run again: how many came out as recorded (band, score, grade,
	 * segment, offer, reasons), and the first differences.
	 */
	record Reproduction(long compared, long identical, List<String> differences) {
	}

	/** The data of the report's charts. */
	record Curves(List<ScoreDistribution.RocPoint> roc, @Nullable List<ScoreDistribution.RocPoint> baselineRoc,
			List<ScoreDistribution.KsPoint> ks, List<ScoreBandFigures> scoreBands) {
	}

	/**
	 * One band of 20 score points: goods and bads (rows with an outcome), and how many of
	 * its rows the candidate approves.
	 */
	record ScoreBandFigures(int from, int to, long rows, long approved, long goods, long bads,
			@Nullable Double approvalRate, @Nullable Double badRate) {
	}

}
