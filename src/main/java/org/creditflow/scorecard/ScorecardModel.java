package org.creditflow.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * A fitted scorecard as {@code model.json} holds it: per segment the rows, the fit and
 * its quality on the training and the holdout part, and per characteristic its
 * information value, coefficient and bins with their points.
 */
record ScorecardModel(ScoreScale scale, double holdout, long seed, Map<String, Segment> segments) {

	/**
	 * @param unseenPoints what a selected characteristic gives a value no training row
	 * had (a new code, or a missing value where none was missing): the points of an
	 * average applicant, weight of evidence 0
	 * @param calibration predicted against observed, in ten bands of the holdout's scores
	 * (of the training rows' without a holdout)
	 * @param grades predicted against observed on the same rows, in each grade of the
	 * master scale; null when the policy has none
	 */
	record Segment(long trainRows, long holdoutRows, double trainBadRate, @Nullable Double holdoutBadRate,
			double intercept, int unseenPoints, Quality train, @Nullable Quality holdout,
			List<Characteristic> characteristics, List<CalibrationBand> calibration,
			@Nullable List<GradeCalibration> grades) {
	}

	/**
	 * One band of scores: the PD the scorecard predicts on average and the bad rate
	 * observed, with the observed bads' distance from the predicted in standard errors of
	 * a binomial count.
	 */
	record CalibrationBand(int scoreFrom, int scoreTo, long rows, double predictedPd, double observedBadRate,
			double standardErrors) {
	}

	/**
	 * One grade of the master scale: its PDs in percent, as the policy writes them (above
	 * {@code pdFromPercent}, up to {@code pdToPercent}), and the same figures as a
	 * {@link CalibrationBand}, null when no row falls in the grade.
	 */
	record GradeCalibration(String grade, BigDecimal pdFromPercent, BigDecimal pdToPercent, long rows,
			@Nullable Double predictedPd, @Nullable Double observedBadRate, @Nullable Double standardErrors,
			@Nullable Double truePd) {
	}

	/** How well the score separates goods from bads on one part of the rows. */
	record Quality(double auc, double gini, double ks) {
	}

	/**
	 * @param selected whether it entered the scorecard (information value high enough,
	 * and a coefficient of the right sign)
	 * @param why why it did not, when it did not
	 */
	record Characteristic(String name, String type, @Nullable String reasonCode, double informationValue,
			boolean selected, @Nullable String why, @Nullable Double coefficient, List<BinPoints> bins) {
	}

	/**
	 * One bin with its weight of evidence and points: a range of numbers ({@code from}
	 * inclusive, {@code to} exclusive, null for an open end), a set of codes, or the
	 * missing values.
	 */
	record BinPoints(String label, @Nullable Double from, @Nullable Double to, List<String> codes, boolean missing,
			long count, long goods, long bads, double badRate, double woe, @Nullable Integer points) {
	}

}
