package org.creditflow.scorecard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.creditflow.backtest.CsvCells;

import org.springframework.lang.Nullable;

/**
 * How the development sample spreads over the scorecard's own bins, written beside the
 * decision table ({@code rules/credit/scorecards-development.csv}) so that every ruleset
 * version carries the baseline its population is watched against (population and
 * characteristic stability, docs/credit-model.md): per segment the training rows in ten
 * bands of their scores, and in every bin of every characteristic the scorecard uses.
 */
final class DevelopmentDistribution {

	/** The file's name, in {@code rules/credit/} beside {@link ScorecardTable#FILE}. */
	static final String FILE = "scorecards-development.csv";

	static final String SCORE = "score";

	private DevelopmentDistribution() {
	}

	/**
	 * @param segmentColumn null when the scorecard has no segments: its rows then name
	 * none, and hold for every segment
	 */
	static String of(ScorecardBuilder.Result result, LabelledData data, @Nullable String segmentColumn) {
		StringBuilder csv = new StringBuilder("segment,characteristic,bin,from,below,codes,missing,rows\n");
		for (Map.Entry<String, ScorecardModel.Segment> segment : result.model().segments().entrySet()) {
			String name = (segmentColumn != null) ? segment.getKey() : "";
			int[] train = IntStream.range(0, data.rows())
				.filter((row) -> segment.getKey().equals(data.segment[row]) && !result.holdout()[row])
				.toArray();
			scoreBands(csv, name, train, result.score());
			for (ScorecardModel.Characteristic characteristic : segment.getValue().characteristics()) {
				if (characteristic.selected()) {
					for (ScorecardModel.BinPoints bin : characteristic.bins()) {
						line(csv, name, characteristic.name(), bin.label(), bin.from(), bin.to(),
								String.join("|", bin.codes()), bin.missing(), bin.count());
					}
				}
			}
		}
		return csv.toString();
	}

	/**
	 * Ten bands of about equal size, cut at the scores where a tenth of the rows ends;
	 * the first and last are open, so every score has a band.
	 */
	private static void scoreBands(StringBuilder csv, String segment, int[] rows, int[] score) {
		int[] sorted = IntStream.of(rows).map((row) -> score[row]).sorted().toArray();
		if (sorted.length == 0) {
			return;
		}
		int[] cuts = IntStream.range(1, CalibrationTable.BANDS)
			.map((band) -> sorted[(int) ((long) sorted.length * band / CalibrationTable.BANDS)])
			.filter((cut) -> cut > sorted[0])
			.distinct()
			.toArray();
		for (int band = 0; band <= cuts.length; band++) {
			Double from = (band == 0) ? null : (double) cuts[band - 1];
			Double below = (band == cuts.length) ? null : (double) cuts[band];
			long rowsInBand = Arrays.stream(sorted)
				.filter((value) -> (from == null || value >= from) && (below == null || value < below))
				.count();
			line(csv, segment, SCORE, Bin.range(from, below, 0, 0).label(), from, below, "", false, rowsInBand);
		}
	}

	private static void line(StringBuilder csv, String segment, String characteristic, String label,
			@Nullable Double from, @Nullable Double below, String codes, boolean missing, long rows) {
		csv.append(segment)
			.append(',')
			.append(characteristic)
			.append(',')
			.append(CsvCells.quoted(label))
			.append(',')
			.append(number(from))
			.append(',')
			.append(number(below))
			.append(',')
			.append(CsvCells.quoted(codes))
			.append(',')
			.append(missing)
			.append(',')
			.append(rows)
			.append('\n');
	}

	private static String number(@Nullable Double value) {
		if (value == null) {
			return "";
		}
		return (value == Math.rint(value)) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%s", value);
	}

}
