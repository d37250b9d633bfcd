package org.creditflow.scorecard;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

import org.springframework.lang.Nullable;

/**
 * Whether a characteristic's bins differ in bad rate by more than chance: the chi-square
 * test of independence of bin and outcome. An information value cut alone cannot tell on
 * a few hundred rows: with n rows and a bad rate p, a characteristic of k bins that says
 * nothing has an information value of about (k - 1) / (n p (1 - p)) — 0.02 for four bins
 * of 700 rows at 30 % bad, the cut itself — while on the history's hundred thousand rows
 * it is a thousandth of that. The bins were drawn on the same rows to differ, so the test
 * leans towards finding a difference; it still keeps out what is mostly noise.
 */
final class BinSignificance {

	private BinSignificance() {
	}

	/** The chi-square test's p-value; 1 for a single bin. */
	static double pValue(List<Bin> bins) {
		if (bins.size() < 2) {
			return 1;
		}
		long[][] counts = new long[bins.size()][];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = new long[] { bins.get(i).goods(), bins.get(i).bads() };
		}
		return new ChiSquareTest().chiSquareTest(counts);
	}

	/**
	 * Why a characteristic stays out of the scorecard for want of significance, or null
	 * when its bins differ at the level.
	 */
	@Nullable
	static String whyNot(List<Bin> bins, double level) {
		double p = pValue(bins);
		return (p < level) ? null
				: String.format(Locale.ROOT,
						"its bins' bad rates differ no more than chance would make them (chi-square p = %.3f, "
								+ "not below %s)",
						p, level);
	}

}
