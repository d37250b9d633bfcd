package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a credit score (0 to 1000, higher meaning lower risk) told apart the
 * applicants who went bad from the goods, in a backtest. Only the number of goods and of
 * bads at each score is kept, so a backtest of any size costs two arrays of 1,001 counts,
 * partials counted by separate threads merge without loss, and every statistic comes
 * exactly from the counts in one pass over the scores. A statistic that needs both goods
 * and bads is NaN (a curve is empty) until there are both. Not thread-safe: give each
 * thread its own and {@link #merge} them at the end.
 */
public final class ScoreDistribution {

	public static final int MIN_SCORE = 0;

	public static final int MAX_SCORE = 1000;

	private static final int SCORES = MAX_SCORE + 1;

	private final long[] goods = new long[SCORES];

	private final long[] bads = new long[SCORES];

	public void add(int score, boolean bad) {
		requireScore(score);
		if (bad) {
			this.bads[score]++;
		}
		else {
			this.goods[score]++;
		}
	}

	public void merge(ScoreDistribution other) {
		for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
			this.goods[score] += other.goods[score];
			this.bads[score] += other.bads[score];
		}
	}

	public long goods() {
		return Arrays.stream(this.goods).sum();
	}

	public long bads() {
		return Arrays.stream(this.bads).sum();
	}

	public long count() {
		return goods() + bads();
	}

	public long goodsAt(int score) {
		requireScore(score);
		return this.goods[score];
	}

	public long badsAt(int score) {
		requireScore(score);
		return this.bads[score];
	}

	/**
	 * The probability that a good picked at random scores higher than a bad picked at
	 * random, a tie counting half (the Mann–Whitney statistic, the area under the ROC
	 * curve).
	 */
	public double auc() {
		return auc(this.goods, this.bads);
	}

	public double gini() {
		return 2 * auc() - 1;
	}

	/**
	 * The Kolmogorov–Smirnov statistic: the largest gap, over all score thresholds,
	 * between the share of bads and the share of goods scoring at or below the threshold.
	 */
	public double ks() {
		int score = ksScore();
		if (score < 0) {
			return Double.NaN;
		}
		double goodCount = goods();
		double badCount = bads();
		double goodsAtOrBelow = Arrays.stream(this.goods, 0, score + 1).sum();
		double badsAtOrBelow = Arrays.stream(this.bads, 0, score + 1).sum();
		return ksGap(goodsAtOrBelow, badsAtOrBelow, goodCount, badCount) / (goodCount * badCount);
	}

	/**
	 * The lowest score at which {@link #ks()} is reached, or -1 without both goods and
	 * bads.
	 */
	public int ksScore() {
		double goodCount = goods();
		double badCount = bads();
		if (goodCount == 0 || badCount == 0) {
			return -1;
		}
		int best = -1;
		double bestGap = -1;
		double goodsAtOrBelow = 0;
		double badsAtOrBelow = 0;
		for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
			goodsAtOrBelow += this.goods[score];
			badsAtOrBelow += this.bads[score];
			double gap = ksGap(goodsAtOrBelow, badsAtOrBelow, goodCount, badCount);
			if (gap > bestGap) {
				best = score;
				bestGap = gap;
			}
		}
		return best;
	}

	/**
	 * The KS gap times goods times bads: a difference of products of integers, so equal
	 * gaps at two thresholds compare equal (while the products stay below 2^53).
	 */
	private static double ksGap(double goodsAtOrBelow, double badsAtOrBelow, double goodCount, double badCount) {
		return Math.abs(badsAtOrBelow * goodCount - goodsAtOrBelow * badCount);
	}

	/**
	 * The 95 % percentile bootstrap interval {low, high} of the Gini. Resampling the rows
	 * with replacement is drawing a multinomial over the (score, outcome) cells, which is
	 * done exactly by one binomial draw per non-empty cell, so a replicate costs the same
	 * for a thousand rows as for a million. Replicates that happen to draw no goods or no
	 * bads have no Gini and are left out.
	 * @param replicates how many resamples, 1,000 or more for a stable interval
	 * @param seed the same seed gives the same interval
	 * @throws IllegalStateException above {@link Integer#MAX_VALUE} rows, the largest
	 * binomial Commons Math computes
	 */
	public double[] giniCi95(int replicates, long seed) {
		if (replicates < 1) {
			throw new IllegalArgumentException("A bootstrap needs at least one replicate, not " + replicates);
		}
		if (goods() == 0 || bads() == 0) {
			return new double[] { Double.NaN, Double.NaN };
		}
		if (count() > Integer.MAX_VALUE) {
			throw new IllegalStateException("A bootstrap of " + count() + " rows is beyond " + Integer.MAX_VALUE);
		}
		return GiniBootstrap.interval(this.goods, this.bads, replicates, seed);
	}

	/**
	 * The ROC curve with the bads as positives, an applicant being flagged bad when it
	 * scores below the threshold: one point with the threshold at each score present, the
	 * lowest giving (0, 0), and (1, 1) with the threshold above them all. Its trapezoid
	 * area is {@link #auc()}.
	 */
	public List<RocPoint> roc() {
		double goodCount = goods();
		double badCount = bads();
		if (goodCount == 0 || badCount == 0) {
			return List.of();
		}
		List<RocPoint> points = new ArrayList<>();
		long goodsBelow = 0;
		long badsBelow = 0;
		for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
			if (this.goods[score] + this.bads[score] > 0) {
				points.add(new RocPoint(goodsBelow / goodCount, badsBelow / badCount));
				goodsBelow += this.goods[score];
				badsBelow += this.bads[score];
			}
		}
		points.add(new RocPoint(1, 1));
		return List.copyOf(points);
	}

	/**
	 * The cumulative shares of bads and goods at or below each score present, whose
	 * largest gap is {@link #ks()}.
	 */
	public List<KsPoint> ksCurve() {
		double goodCount = goods();
		double badCount = bads();
		if (goodCount == 0 || badCount == 0) {
			return List.of();
		}
		List<KsPoint> points = new ArrayList<>();
		long goodsAtOrBelow = 0;
		long badsAtOrBelow = 0;
		for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
			if (this.goods[score] + this.bads[score] > 0) {
				goodsAtOrBelow += this.goods[score];
				badsAtOrBelow += this.bads[score];
				points.add(new KsPoint(score, badsAtOrBelow / badCount, goodsAtOrBelow / goodCount));
			}
		}
		return List.copyOf(points);
	}

	/**
	 * Goods and bads in bands of the given width from score 0 (the last band ends at
	 * 1001), leaving out the bands without rows.
	 */
	public List<ScoreBand> bands(int width) {
		if (width < 1) {
			throw new IllegalArgumentException("A score band is at least 1 wide, not " + width);
		}
		List<ScoreBand> bands = new ArrayList<>();
		for (int from = MIN_SCORE; from <= MAX_SCORE; from += width) {
			int to = Math.min(from + width, SCORES);
			long goodsIn = Arrays.stream(this.goods, from, to).sum();
			long badsIn = Arrays.stream(this.bads, from, to).sum();
			if (goodsIn + badsIn > 0) {
				bands.add(new ScoreBand(from, to, goodsIn, badsIn));
			}
		}
		return List.copyOf(bands);
	}

	private static void requireScore(int score) {
		if (score < MIN_SCORE || score > MAX_SCORE) {
			throw new IllegalArgumentException(
					"Score " + score + " is outside " + MIN_SCORE + " to " + MAX_SCORE + " inclusive");
		}
	}

	/**
	 * Counts held in doubles: sums and products of integers, exact while twice goods
	 * times bads stays below 2^53 (about 10^8 rows), off by a rounding beyond, never
	 * overflowing.
	 */
	static double auc(long[] goods, long[] bads) {
		double goodCount = Arrays.stream(goods).sum();
		double badCount = Arrays.stream(bads).sum();
		if (goodCount == 0 || badCount == 0) {
			return Double.NaN;
		}
		// a good-bad pair counts 2 when the good scores higher and 1 for a tie
		double twiceWins = 0;
		double badsBelow = 0;
		for (int score = MIN_SCORE; score <= MAX_SCORE; score++) {
			twiceWins += goods[score] * (2 * badsBelow + bads[score]);
			badsBelow += bads[score];
		}
		return twiceWins / (2 * goodCount * badCount);
	}

	/**
	 * A point of {@link #roc()}: the shares of goods and of bads scoring below a
	 * threshold.
	 */
	public record RocPoint(double falsePositiveRate, double truePositiveRate) {
	}

	/**
	 * A point of {@link #ksCurve()}: the shares of bads and of goods at or below a score.
	 */
	public record KsPoint(int score, double cumulativeBadShare, double cumulativeGoodShare) {
	}

	/**
	 * The goods and bads scoring from {@code from} (inclusive) to {@code to} (exclusive).
	 */
	public record ScoreBand(int from, int to, long goods, long bads) {
	}

}
