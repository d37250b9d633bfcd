package org.creditflow.scorecard;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The rows two scorecards scored alike, matched by input row: the same rows with the same
 * targets in both files, kept when they are in the partition compared. Two files that
 * differ there do not score the same applicants, and are refused at the first row where
 * they differ.
 */
final class PairedRows {

	/** Which rows of the scores are compared. */
	enum Partition {

		HOLDOUT, TRAIN, ALL;

		static Partition of(String name) {
			try {
				return valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidComparisonException("--partition must be holdout, train or all, not " + name);
			}
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The input row (0-based) of each compared row. */
	final int[] inputRow;

	final int[] baselineScore;

	final int[] candidateScore;

	final boolean[] bad;

	private PairedRows(int[] inputRow, ScoresFile baseline, ScoresFile candidate) {
		this.inputRow = inputRow;
		this.baselineScore = IntStream.of(inputRow).map((row) -> baseline.score[row]).toArray();
		this.candidateScore = IntStream.of(inputRow).map((row) -> candidate.score[row]).toArray();
		this.bad = new boolean[inputRow.length];
		for (int i = 0; i < inputRow.length; i++) {
			this.bad[i] = baseline.bad[inputRow[i]];
		}
	}

	int size() {
		return this.inputRow.length;
	}

	/**
	 * @throws InvalidComparisonException when the files hold different rows or targets,
	 * when a row is held out in one and not the other (unless all rows are compared), or
	 * when no row is in the partition
	 */
	static PairedRows match(ScoresFile baseline, ScoresFile candidate, Partition partition) {
		if (baseline.rows() != candidate.rows()) {
			ScoresFile longer = (baseline.rows() > candidate.rows()) ? baseline : candidate;
			ScoresFile shorter = (longer == baseline) ? candidate : baseline;
			throw new InvalidComparisonException(String.format(Locale.ROOT,
					"%s has %,d rows and %s %,d: row %,d is in the first and not in the second, so they do not "
							+ "score the same input",
					longer.file, longer.rows(), shorter.file, shorter.rows(), shorter.rows() + 1));
		}
		for (int row = 0; row < baseline.rows(); row++) {
			if (baseline.bad[row] != candidate.bad[row]) {
				throw new InvalidComparisonException(String.format(Locale.ROOT,
						"Row %,d is %s in %s and %s in %s: the two files do not score the same input rows", row + 1,
						outcome(baseline.bad[row]), baseline.file, outcome(candidate.bad[row]), candidate.file));
			}
			if (partition != Partition.ALL && baseline.holdout[row] != candidate.holdout[row]) {
				throw new InvalidComparisonException(String.format(Locale.ROOT,
						"Row %,d is %s in %s and %s in %s: the scorecards were fitted with different holdouts "
								+ "(seed, holdout share or segments); refit them alike, or compare --partition all",
						row + 1, partitionOf(baseline.holdout[row]), baseline.file, partitionOf(candidate.holdout[row]),
						candidate.file));
			}
		}
		int[] rows = IntStream.range(0, baseline.rows())
			.filter((row) -> partition == Partition.ALL || baseline.holdout[row] == (partition == Partition.HOLDOUT))
			.toArray();
		if (rows.length == 0) {
			throw new InvalidComparisonException("No row of " + baseline.file + " is in the " + partition.label()
					+ " partition; compare --partition all");
		}
		return new PairedRows(rows, baseline, candidate);
	}

	private static String outcome(boolean bad) {
		return bad ? "bad (1)" : "good (0)";
	}

	private static String partitionOf(boolean holdout) {
		return holdout ? "holdout" : "train";
	}

}
