package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.lang.Nullable;

/**
 * Predicted against observed PD in bands of scores and in the grades of the master scale:
 * whether a scorecard's PD can be believed, band by band and grade by grade, within the
 * noise of a binomial count.
 */
final class CalibrationTable {

	/** Bands of the table. */
	static final int BANDS = 10;

	private CalibrationTable() {
	}

	/**
	 * Predicted against observed PD in bands of about equal size, from the lowest score
	 * up.
	 */
	static List<ScorecardModel.CalibrationBand> of(int[] rows, int[] score, double[] pd, boolean[] bad) {
		int[] sorted = IntStream.of(rows)
			.boxed()
			.sorted(Comparator.comparingInt((Integer row) -> score[row]))
			.mapToInt(Integer::intValue)
			.toArray();
		List<ScorecardModel.CalibrationBand> bands = new ArrayList<>();
		for (int band = 0; band < BANDS; band++) {
			int from = (int) ((long) sorted.length * band / BANDS);
			int to = (int) ((long) sorted.length * (band + 1) / BANDS);
			if (to <= from) {
				continue;
			}
			Defaults defaults = new Defaults();
			for (int i = from; i < to; i++) {
				defaults.add(pd[sorted[i]], bad[sorted[i]]);
			}
			bands.add(new ScorecardModel.CalibrationBand(score[sorted[from]], score[sorted[to - 1]], defaults.rows,
					defaults.meanPd(), defaults.badRate(), defaults.standardErrors()));
		}
		return bands;
	}

	/**
	 * Predicted against observed PD in every grade of the master scale, from A; a grade
	 * without rows shows its bounds and no figures.
	 */
	static List<ScorecardModel.GradeCalibration> byGrade(int[] rows, double[] pd, boolean[] bad, MasterScale scale,
			@Nullable double[] truePd) {
		Map<String, Defaults> grades = new LinkedHashMap<>();
		scale.grades().forEach((grade) -> grades.put(grade.name(), new Defaults()));
		for (int row : rows) {
			grades.get(scale.gradeOf(pd[row])).add(pd[row], bad[row], (truePd != null) ? truePd[row] : Double.NaN);
		}
		return scale.grades().stream().map((grade) -> {
			Defaults defaults = grades.get(grade.name());
			boolean any = defaults.rows > 0;
			return new ScorecardModel.GradeCalibration(grade.name(), grade.pdFromPercent(), grade.pdToPercent(),
					defaults.rows, any ? defaults.meanPd() : null, any ? defaults.badRate() : null,
					any ? defaults.standardErrors() : null, (any && truePd != null) ? defaults.meanTruePd() : null);
		}).toList();
	}

	/**
	 * The rows of a band or a grade: the PDs predicted, the variance of their count of
	 * bads, and the bads observed.
	 */
	private static final class Defaults {

		private long rows;

		private double predicted;

		private double variance;

		private long bads;

		private double truePd;

		void add(double pd, boolean bad) {
			add(pd, bad, Double.NaN);
		}

		void add(double pd, boolean bad, double truePd) {
			this.truePd += truePd;
			this.rows++;
			this.predicted += pd;
			this.variance += pd * (1 - pd);
			this.bads += bad ? 1 : 0;
		}

		double meanPd() {
			return this.predicted / this.rows;
		}

		/** The mean PD the rows were drawn with (NaN when unknown). */
		double meanTruePd() {
			return this.truePd / this.rows;
		}

		double badRate() {
			return this.bads / (double) this.rows;
		}

		/**
		 * The observed bads' distance from the predicted, in standard errors of a sum of
		 * Bernoulli draws with the rows' PDs.
		 */
		double standardErrors() {
			return (this.variance > 0) ? (this.bads - this.predicted) / Math.sqrt(this.variance) : 0;
		}

	}

}
