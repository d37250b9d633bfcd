package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Predicted against observed PD in bands of scores: whether a scorecard's PD can be
 * believed, band by band, within the noise of a binomial count.
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
			double predicted = 0;
			long bads = 0;
			for (int i = from; i < to; i++) {
				predicted += pd[sorted[i]];
				bads += bad[sorted[i]] ? 1 : 0;
			}
			int n = to - from;
			double expected = predicted;
			double variance = 0;
			for (int i = from; i < to; i++) {
				variance += pd[sorted[i]] * (1 - pd[sorted[i]]);
			}
			bands.add(new ScorecardModel.CalibrationBand(score[sorted[from]], score[sorted[to - 1]], n, predicted / n,
					bads / (double) n, (variance > 0) ? (bads - expected) / Math.sqrt(variance) : 0));
		}
		return bands;
	}

}
