package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.creditflow.backtest.ScoreDistribution;

/**
 * Fits one scorecard per segment: a stratified holdout is set aside, every characteristic
 * is binned and weighed on the training rows, those with enough information value (and
 * bins that differ beyond chance) enter a logistic regression on their weights of
 * evidence, one that comes out with the wrong sign (it only repeats what the others say)
 * leaves and the rest are fitted again, and the coefficients become points on the
 * policy's scale. The PDs are checked against the bad rates observed in score bands and
 * in the grades of the master scale.
 */
final class ScorecardBuilder {

	/**
	 * What was fitted, every row's score, PD and partition, and per segment the scores of
	 * its goods and bads.
	 */
	record Result(ScorecardModel model, int[] score, double[] pd, boolean[] holdout,
			Map<String, Separation> separation) {
	}

	/** The goods and bads at each score, on the training rows and on the holdout. */
	record Separation(ScoreDistribution train, ScoreDistribution holdout) {
	}

	private ScorecardBuilder() {
	}

	static Result build(LabelledData data, ScorecardSpec spec, ScoreScale scale, MasterScale masterScale) {
		boolean[] holdout = holdout(data, spec);
		int[] score = new int[data.rows()];
		double[] pd = new double[data.rows()];
		Map<String, ScorecardModel.Segment> segments = new LinkedHashMap<>();
		Map<String, Separation> separation = new LinkedHashMap<>();
		for (Map.Entry<String, List<Integer>> segment : rowsBySegment(data).entrySet()) {
			int[] rows = segment.getValue().stream().mapToInt(Integer::intValue).toArray();
			int[] train = IntStream.of(rows).filter((row) -> !holdout[row]).toArray();
			int[] kept = IntStream.of(rows).filter((row) -> holdout[row]).toArray();
			Separation scores = new Separation(new ScoreDistribution(), new ScoreDistribution());
			segments.put(segment.getKey(), fit(data, spec, scale, masterScale, train, kept, score, pd, scores));
			separation.put(segment.getKey(), scores);
		}
		return new Result(new ScorecardModel(scale, spec.holdout(), spec.seed(), segments), score, pd, holdout,
				separation);
	}

	private static ScorecardModel.Segment fit(LabelledData data, ScorecardSpec spec, ScoreScale scale,
			MasterScale masterScale, int[] train, int[] kept, int[] score, double[] pd, Separation scores) {
		if (train.length == 0 || IntStream.of(train).allMatch((row) -> data.bad[row])
				|| IntStream.of(train).noneMatch((row) -> data.bad[row])) {
			throw new IllegalArgumentException("A segment needs goods and bads among its training rows; " + "segment "
					+ data.segment[(train.length > 0) ? train[0] : kept[0]] + " has " + train.length
					+ " training rows");
		}
		List<BinnedCharacteristic> binned = spec.characteristics()
			.stream()
			.map((characteristic) -> new BinnedCharacteristic(characteristic, data, train, spec.minBinShare()))
			.toList();
		Map<String, String> why = new LinkedHashMap<>();
		List<BinnedCharacteristic> selected = new ArrayList<>();
		for (BinnedCharacteristic characteristic : binned) {
			String chance = BinSignificance.whyNot(characteristic.bins(), spec.significanceLevel());
			if (characteristic.informationValue() < spec.minInformationValue()) {
				why.put(characteristic.name(),
						String.format(java.util.Locale.ROOT, "information value %.4f is below %s",
								characteristic.informationValue(), spec.minInformationValue()));
			}
			else if (chance != null) {
				why.put(characteristic.name(), chance);
			}
			else {
				selected.add(characteristic);
			}
		}
		RepeatedCharacteristics.drop(selected, train, why);
		LogisticRegression.Fit fit = fitWithRightSigns(data, selected, train, why);
		double factor = scale.factor();
		int n = Math.max(1, selected.size());
		Map<String, int[]> points = new LinkedHashMap<>();
		for (int j = 0; j < selected.size(); j++) {
			BinnedCharacteristic characteristic = selected.get(j);
			int[] binPoints = new int[characteristic.bins().size()];
			for (int i = 0; i < binPoints.length; i++) {
				binPoints[i] = points(fit.coefficient(j) * characteristic.woe(i), fit.intercept(), n, scale);
			}
			points.put(characteristic.name(), binPoints);
		}
		int unseen = points(0, fit.intercept(), n, scale);
		ScoreDistribution trainScores = scores.train();
		ScoreDistribution keptScores = scores.holdout();
		for (int[] part : List.of(train, kept)) {
			for (int row : part) {
				int total = selected.isEmpty() ? (int) Math.round(scale.offset() - factor * fit.intercept()) : 0;
				for (BinnedCharacteristic characteristic : selected) {
					int bin = characteristic.binOf(row);
					total += (bin < 0) ? unseen : points.get(characteristic.name())[bin];
				}
				score[row] = total;
				pd[row] = scale.pd(total);
				(part == train ? trainScores : keptScores).add(Math.max(0, Math.min(1000, total)), data.bad[row]);
			}
		}
		List<ScorecardModel.Characteristic> characteristics = new ArrayList<>();
		for (BinnedCharacteristic characteristic : binned) {
			int index = selected.indexOf(characteristic);
			List<ScorecardModel.BinPoints> bins = new ArrayList<>();
			for (int i = 0; i < characteristic.bins().size(); i++) {
				Bin bin = characteristic.bins().get(i);
				bins.add(new ScorecardModel.BinPoints(bin.label(), bin.from(), bin.to(), bin.categories(),
						bin.missing(), bin.count(), bin.goods(), bin.bads(), bin.badRate(), characteristic.woe(i),
						(index >= 0) ? points.get(characteristic.name())[i] : null));
			}
			characteristics.add(new ScorecardModel.Characteristic(characteristic.name(),
					characteristic.type().name().toLowerCase(java.util.Locale.ROOT), characteristic.reasonCode(),
					characteristic.informationValue(), index >= 0, why.get(characteristic.name()),
					(index >= 0) ? fit.coefficient(index) : null, bins));
		}
		int[] checked = (kept.length > 0) ? kept : train;
		return new ScorecardModel.Segment(train.length, kept.length, badRate(data, train),
				(kept.length > 0) ? badRate(data, kept) : null, fit.intercept(), unseen, quality(trainScores),
				(keptScores.goods() > 0 && keptScores.bads() > 0) ? quality(keptScores) : null, characteristics,
				CalibrationTable.of(checked, score, pd, data.bad), masterScale.isEmpty() ? null
						: CalibrationTable.byGrade(checked, pd, data.bad, masterScale, data.truePd));
	}

	/**
	 * Fits, and while a coefficient has the wrong sign — a bin safer by its weight of
	 * evidence would score worse — takes the worst such characteristic out and fits
	 * again. The model is of the bad's log-odds and the weights of evidence grow with
	 * safety, so every coefficient must be negative.
	 */
	private static LogisticRegression.Fit fitWithRightSigns(LabelledData data, List<BinnedCharacteristic> selected,
			int[] train, Map<String, String> why) {
		while (true) {
			double[][] x = new double[data.rows()][];
			for (int row : train) {
				double[] woe = new double[selected.size()];
				for (int j = 0; j < woe.length; j++) {
					woe[j] = selected.get(j).woeOf(row);
				}
				x[row] = woe;
			}
			LogisticRegression.Fit fit = LogisticRegression.fit(x, data.bad, train);
			int worst = -1;
			for (int j = 0; j < selected.size(); j++) {
				if (fit.coefficient(j) >= 0 && (worst < 0 || fit.coefficient(j) > fit.coefficient(worst))) {
					worst = j;
				}
			}
			if (worst < 0) {
				return fit;
			}
			why.put(selected.get(worst).name(),
					"its coefficient had the wrong sign once the others were in: " + "it says nothing they do not");
			selected.remove(worst);
		}
	}

	/**
	 * A bin's points: its share of the log-odds of good, scaled, with the intercept and
	 * offset spread evenly over the characteristics.
	 */
	private static int points(double coefficientTimesWoe, double intercept, int characteristics, ScoreScale scale) {
		return (int) Math.round(-(coefficientTimesWoe + intercept / characteristics) * scale.factor()
				+ scale.offset() / characteristics);
	}

	/**
	 * A stratified holdout: in each segment, the same share of goods and of bads, drawn
	 * with the seed.
	 */
	private static boolean[] holdout(LabelledData data, ScorecardSpec spec) {
		boolean[] holdout = new boolean[data.rows()];
		Map<String, List<Integer>> strata = new TreeMap<>();
		for (int row = 0; row < data.rows(); row++) {
			strata.computeIfAbsent(data.segment[row] + "|" + data.bad[row], (key) -> new ArrayList<>()).add(row);
		}
		SplittableRandom random = new SplittableRandom(spec.seed());
		for (List<Integer> stratum : strata.values()) {
			Collections.shuffle(stratum, new java.util.Random(random.nextLong()));
			long kept = Math.round(stratum.size() * spec.holdout());
			for (int i = 0; i < kept; i++) {
				holdout[stratum.get(i)] = true;
			}
		}
		return holdout;
	}

	/** The rows of each segment; a row without a segment is in none and is not scored. */
	private static Map<String, List<Integer>> rowsBySegment(LabelledData data) {
		Map<String, List<Integer>> segments = new TreeMap<>();
		for (int row = 0; row < data.rows(); row++) {
			if (data.segment[row].isEmpty()) {
				continue;
			}
			segments.computeIfAbsent(data.segment[row], (key) -> new ArrayList<>()).add(row);
		}
		return segments;
	}

	private static double badRate(LabelledData data, int[] rows) {
		return IntStream.of(rows).filter((row) -> data.bad[row]).count() / (double) rows.length;
	}

	private static ScorecardModel.Quality quality(ScoreDistribution scores) {
		return new ScorecardModel.Quality(scores.auc(), scores.gini(), scores.ks());
	}

}
