package org.creditflow.scorecard;

import java.util.Locale;

import org.creditflow.scorecard.ScoreComparison.Cut;
import org.creditflow.scorecard.ScoreComparison.Estimate;
import org.creditflow.scorecard.ScoreComparison.Group;

import org.springframework.lang.Nullable;

/**
 * A {@link ScoreComparison} as the console shows it: one block per group, baseline,
 * candidate and their difference side by side, each figure with its 95 % interval in
 * brackets. Plain ASCII, so that every terminal shows it alike.
 */
final class ComparisonTable {

	private static final String ROW = "  %-26s %-26s %-26s %s";

	private ComparisonTable() {
	}

	static String of(ScoreComparison comparison) {
		StringBuilder text = new StringBuilder();
		text.append("Baseline:  ").append(comparison.baseline()).append('\n');
		text.append("Candidate: ").append(comparison.candidate()).append('\n');
		text.append(String.format(Locale.ROOT, "Rows: %,d %s rows in both, matched by row; groups from %s%n",
				comparison.groups().get(0).rows(), comparison.partition(), comparison.groupedBy()));
		text.append(String.format(Locale.ROOT,
				"(low to high): 95 %% percentile bootstrap interval, %,d paired replicates over the rows, seed %d%n",
				comparison.replicates(), comparison.seed()));
		for (Group group : comparison.groups()) {
			text.append('\n').append(block(group));
		}
		return text.toString();
	}

	private static String block(Group group) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "%s: %,d rows, %,d bad (%s)%n", group.name(), group.rows(), group.bads(),
				percent(group.badRate())));
		text.append(row("", "baseline", "candidate", "candidate - baseline"));
		text.append(row("Gini", number(group.gini().baseline(), false), number(group.gini().candidate(), false),
				number(group.gini().difference(), true)));
		text.append(row("KS", number(group.ks().baseline(), false), number(group.ks().candidate(), false),
				number(group.ks().difference(), true)));
		Cut baseline = group.approval().baseline();
		Cut candidate = group.approval().candidate();
		text.append(row("approved at <= " + percent(group.approval().targetBadRate()) + " bad",
				percent(baseline.approvalRate(), false), percent(candidate.approvalRate(), false),
				percent(group.approval().relativeChange(), true) + " relative"));
		text.append(
				row("  from score", whole(baseline.lowestScoreApproved()), whole(candidate.lowestScoreApproved()), ""));
		text.append(row("  bad rate approved", percent(baseline.badRateApproved()),
				percent(candidate.badRateApproved()), ""));
		text.append("  (target bad rate: ").append(group.approval().target()).append(")\n");
		return text.toString();
	}

	/** A line of the table, without the spaces that pad an empty last column. */
	private static String row(String label, String baseline, String candidate, String difference) {
		return String.format(Locale.ROOT, ROW, label, baseline, candidate, difference).stripTrailing() + "\n";
	}

	private static String number(Estimate estimate, boolean signed) {
		return estimate(estimate, signed ? "%+.3f" : "%.3f", 1, "");
	}

	private static String percent(Estimate estimate, boolean signed) {
		return estimate(estimate, signed ? "%+.1f" : "%.1f", 100, " %");
	}

	private static String estimate(Estimate estimate, String format, double scale, String unit) {
		if (estimate.value() == null) {
			return "-";
		}
		String value = String.format(Locale.ROOT, format, scale * estimate.value()) + unit;
		if (estimate.low() == null || estimate.high() == null) {
			return value;
		}
		return value + String.format(Locale.ROOT, " (" + format + " to " + format + ")", scale * estimate.low(),
				scale * estimate.high());
	}

	private static String percent(@Nullable Double rate) {
		return (rate == null) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * rate);
	}

	private static String whole(@Nullable Integer value) {
		return (value == null) ? "none" : Integer.toString(value);
	}

}
