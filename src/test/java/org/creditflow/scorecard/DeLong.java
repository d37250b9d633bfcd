package org.creditflow.scorecard;

import java.util.stream.IntStream;

/**
 * DeLong, DeLong and Clarke-Pearson's (1988) placements, for tests of the bootstrap: the
 * AUC of a score (goods scoring higher) and the variance of the difference of two AUCs
 * measured on the same rows.
 */
final class DeLong {

	private DeLong() {
	}

	static double auc(int[] score, boolean[] bad) {
		double[] placements = placements(score, bad, false);
		double sum = 0;
		for (double placement : placements) {
			sum += placement;
		}
		return sum / placements.length;
	}

	/** Var(AUC(second) - AUC(first)). */
	static double differenceVariance(int[] first, int[] second, boolean[] bad) {
		double variance = 0;
		for (boolean ofBads : new boolean[] { false, true }) {
			double[] a = placements(first, bad, ofBads);
			double[] b = placements(second, bad, ofBads);
			variance += (covariance(a, a) + covariance(b, b) - 2 * covariance(a, b)) / a.length;
		}
		return variance;
	}

	/**
	 * Each good's share of the bads it outscores, or each bad's share of the goods that
	 * outscore it; ties count half.
	 */
	private static double[] placements(int[] score, boolean[] bad, boolean ofBads) {
		int min = IntStream.of(score).min().orElseThrow();
		int max = IntStream.of(score).max().orElseThrow();
		long[] goodsAt = new long[max - min + 1];
		long[] badsAt = new long[max - min + 1];
		for (int row = 0; row < score.length; row++) {
			(bad[row] ? badsAt : goodsAt)[score[row] - min]++;
		}
		long[] badsBelow = new long[goodsAt.length];
		long[] goodsAbove = new long[goodsAt.length];
		for (int s = 1; s < goodsAt.length; s++) {
			badsBelow[s] = badsBelow[s - 1] + badsAt[s - 1];
		}
		for (int s = goodsAt.length - 2; s >= 0; s--) {
			goodsAbove[s] = goodsAbove[s + 1] + goodsAt[s + 1];
		}
		double goods = IntStream.range(0, bad.length).filter((row) -> !bad[row]).count();
		double bads = bad.length - goods;
		return IntStream.range(0, bad.length).filter((row) -> bad[row] == ofBads).mapToDouble((row) -> {
			int s = score[row] - min;
			return ofBads ? (goodsAbove[s] + goodsAt[s] / 2.0) / goods : (badsBelow[s] + badsAt[s] / 2.0) / bads;
		}).toArray();
	}

	private static double covariance(double[] a, double[] b) {
		double meanA = 0;
		double meanB = 0;
		for (int i = 0; i < a.length; i++) {
			meanA += a[i] / a.length;
			meanB += b[i] / b.length;
		}
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (a[i] - meanA) * (b[i] - meanB);
		}
		return sum / (a.length - 1);
	}

}
