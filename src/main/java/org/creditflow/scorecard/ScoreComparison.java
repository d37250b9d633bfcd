package org.creditflow.scorecard;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Two scorecards compared on the same rows, as {@code compare-scores} prints it and
 * writes it to JSON: per group (all rows first), Gini and KS of each with the paired
 * difference, and how many each approves at the same bad rate among the approved. Every
 * estimate carries its 95 % percentile bootstrap interval; a figure that the rows do not
 * define (no bads, nobody approved) is null.
 */
record ScoreComparison(String baseline, String candidate, String target, String partition, String groupedBy,
		int replicates, long seed, List<Group> groups) {

	/** The name of the group of all compared rows. */
	static final String ALL = "all";

	record Group(String name, long rows, long bads, double badRate, Measure gini, Measure ks, Approval approval) {
	}

	/** A statistic of each scorecard and candidate minus baseline. */
	record Measure(Estimate baseline, Estimate candidate, Estimate difference) {
	}

	/**
	 * @param targetBadRate the highest bad rate among the approved
	 * @param target where the target comes from
	 * @param relativeChange candidate's approval rate over baseline's, minus 1
	 */
	record Approval(double targetBadRate, String target, Cut baseline, Cut candidate, Estimate relativeChange) {
	}

	/**
	 * One scorecard's cut-off at the target.
	 *
	 * @param lowestScoreApproved the cut-off: everyone at or above it is approved; null
	 * when even the best score is above the target
	 */
	record Cut(Estimate approvalRate, long approved, @Nullable Integer lowestScoreApproved,
			@Nullable Double badRateApproved) {
	}

	/** A figure with the 2.5 % and 97.5 % points of its bootstrap replicates. */
	record Estimate(@Nullable Double value, @Nullable Double low, @Nullable Double high) {

		static Estimate of(double value, double[] interval) {
			return new Estimate(orNull(value), orNull(interval[0]), orNull(interval[1]));
		}

		@Nullable
		static Double orNull(double value) {
			return Double.isNaN(value) ? null : value;
		}

	}

}
