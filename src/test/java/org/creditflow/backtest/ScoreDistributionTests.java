package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.creditflow.backtest.ScoreDistribution.KsPoint;
import org.creditflow.backtest.ScoreDistribution.RocPoint;
import org.creditflow.backtest.ScoreDistribution.ScoreBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The backtest statistics, each against a calculation of its own: worked by hand, by
 * brute force over the rows, or from the theory of a binormal population.
 */
class ScoreDistributionTests {

	private static final double MEAN_BAD_SCORE = 600;

	private static final double SCORE_SPREAD = 50;

	private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

	private record Row(int score, boolean bad) {
	}

	/**
	 * Bads at 400, 500 and 600; goods at 500, 600, 600, 700 and 800. Of the 15 good-bad
	 * pairs, the good at 500 beats the bad at 400 and ties the one at 500 (1.5); each
	 * good at 600 beats two and ties one (2 x 2.5); the goods at 700 and 800 beat all
	 * three (3 + 3). AUC = 12.5 / 15 = 5/6, Gini = 2/3.
	 * <p>
	 * Shares of bads and of goods at or below each score, and their gap, in fifteenths:
	 * 400: 5 and 0, gap 5; 500: 10 and 3, gap 7; 600: 15 and 9, gap 6; 700: 15 and 12,
	 * gap 3; 800: 15 and 15, gap 0. KS = 7/15, at 500.
	 */
	private static ScoreDistribution handWorked() {
		return distributionOf(List.of(new Row(400, true), new Row(500, true), new Row(600, true), new Row(500, false),
				new Row(600, false), new Row(600, false), new Row(700, false), new Row(800, false)));
	}

	@Test
	void shouldMatchAHandWorkedTable() {
		ScoreDistribution distribution = handWorked();

		assertThat(distribution.goods()).isEqualTo(5);
		assertThat(distribution.bads()).isEqualTo(3);
		assertThat(distribution.count()).isEqualTo(8);
		assertThat(distribution.goodsAt(600)).isEqualTo(2);
		assertThat(distribution.badsAt(600)).isEqualTo(1);
		assertThat(distribution.goodsAt(400)).isZero();
		assertThat(distribution.auc()).isEqualTo(5.0 / 6);
		assertThat(distribution.gini()).isCloseTo(2.0 / 3, within(1e-15));
		assertThat(distribution.ks()).isEqualTo(7.0 / 15);
		assertThat(distribution.ksScore()).isEqualTo(500);
	}

	/**
	 * The same table. Goods and bads flagged (scoring below the threshold) with the
	 * threshold at 400: none; at 500: 0 and 1; at 600: 1 and 2; at 700: 3 and 3; at 800:
	 * 4 and 3; above all: 5 and 3. The trapezoids under those points, 0.2 x 0.5, 0.4 x
	 * 5/6, 0.2 and 0.2, add up to 5/6.
	 */
	@Test
	void shouldDrawTheCurvesAndBandsOfAHandWorkedTable() {
		ScoreDistribution distribution = handWorked();

		assertThat(distribution.roc()).containsExactly(new RocPoint(0, 0), new RocPoint(0, 1.0 / 3),
				new RocPoint(1.0 / 5, 2.0 / 3), new RocPoint(3.0 / 5, 1), new RocPoint(4.0 / 5, 1), new RocPoint(1, 1));
		assertThat(trapezoidArea(distribution.roc())).isCloseTo(5.0 / 6, within(1e-15));
		assertThat(distribution.ksCurve()).containsExactly(new KsPoint(400, 1.0 / 3, 0),
				new KsPoint(500, 2.0 / 3, 1.0 / 5), new KsPoint(600, 1, 3.0 / 5), new KsPoint(700, 1, 4.0 / 5),
				new KsPoint(800, 1, 1));
		assertThat(distribution.bands(200)).containsExactly(new ScoreBand(400, 600, 1, 2),
				new ScoreBand(600, 800, 3, 1), new ScoreBand(800, 1000, 1, 0));
		assertThat(distribution.bands(300)).containsExactly(new ScoreBand(300, 600, 1, 2),
				new ScoreBand(600, 900, 4, 1));
	}

	@Test
	void shouldScoreAPerfectRankingAsOne() {
		List<Row> rows = new ArrayList<>();
		for (int score = 100; score < 300; score++) {
			rows.add(new Row(score, true));
		}
		for (int score = 300; score <= 1000; score += 3) {
			rows.add(new Row(score, false));
			rows.add(new Row(score, false));
		}
		ScoreDistribution distribution = distributionOf(rows);

		assertThat(distribution.auc()).isEqualTo(1.0);
		assertThat(distribution.gini()).isEqualTo(1.0);
		assertThat(distribution.ks()).isEqualTo(1.0);
		assertThat(distribution.ksScore()).isEqualTo(299);
		ScoreDistribution reversed = distributionOf(rows, (score) -> 1000 - score);
		assertThat(reversed.auc()).isZero();
		assertThat(reversed.gini()).isEqualTo(-1.0);
	}

	/**
	 * Without separation the AUC of G goods and B bads has the standard error
	 * sqrt((G+B+1)/(12GB)), less with ties.
	 */
	@Test
	void shouldFindNoSeparationInRandomScores() {
		Random random = new Random(20240601);
		ScoreDistribution distribution = new ScoreDistribution();
		for (int row = 0; row < 100_000; row++) {
			distribution.add(random.nextInt(1001), random.nextDouble() < 0.2);
		}
		double goods = distribution.goods();
		double bads = distribution.bads();
		double standardError = Math.sqrt((goods + bads + 1) / (12 * goods * bads));

		assertThat(distribution.auc()).isCloseTo(0.5, within(4 * standardError));
		double[] interval = distribution.giniCi95(1000, 11);
		assertThat(interval[0]).isNegative();
		assertThat(interval[1]).isPositive();
	}

	@Test
	void shouldEqualBruteForceOverPairsAndThresholds() {
		List<Row> rows = binormal(1600, 400, 0.8, 5);
		ScoreDistribution distribution = distributionOf(rows);

		long twiceWins = 0;
		long goods = 0;
		long bads = 0;
		for (Row good : rows) {
			if (!good.bad()) {
				goods++;
				for (Row bad : rows) {
					if (bad.bad()) {
						twiceWins += Integer.compare(good.score(), bad.score()) + 1;
					}
				}
			}
			else {
				bads++;
			}
		}
		assertThat(distribution.auc()).isCloseTo(twiceWins / (2.0 * goods * bads), within(1e-12));

		long bestGap = -1;
		int bestThreshold = -1;
		for (int threshold = 0; threshold <= 1000; threshold++) {
			long goodsAtOrBelow = 0;
			long badsAtOrBelow = 0;
			for (Row row : rows) {
				if (row.score() <= threshold) {
					if (row.bad()) {
						badsAtOrBelow++;
					}
					else {
						goodsAtOrBelow++;
					}
				}
			}
			// the gap between the shares, times goods times bads
			long gap = Math.abs(badsAtOrBelow * goods - goodsAtOrBelow * bads);
			if (gap > bestGap) {
				bestGap = gap;
				bestThreshold = threshold;
			}
		}
		assertThat(distribution.ks()).isCloseTo(bestGap / ((double) goods * bads), within(1e-12));
		assertThat(distribution.ksScore()).isEqualTo(bestThreshold);
	}

	@Test
	void shouldCountBandsAsTheRowsInThem() {
		List<Row> rows = binormal(3000, 1000, 1, 6);
		ScoreDistribution distribution = distributionOf(rows);

		for (int width : new int[] { 1, 37, 300, 1001 }) {
			List<ScoreBand> bands = distribution.bands(width);
			for (ScoreBand band : bands) {
				assertThat(band.from() % width).isZero();
				assertThat(band.to()).isEqualTo(Math.min(band.from() + width, 1001));
				long goods = rows.stream().filter((row) -> inBand(row, band) && !row.bad()).count();
				long bads = rows.stream().filter((row) -> inBand(row, band) && row.bad()).count();
				assertThat(band.goods()).isEqualTo(goods);
				assertThat(band.bads()).isEqualTo(bads);
				assertThat(goods + bads).isPositive();
			}
			assertThat(bands.stream().mapToLong((band) -> band.goods() + band.bads()).sum()).isEqualTo(rows.size());
		}
	}

	@Test
	void shouldNotChangeUnderAStrictlyIncreasingTransformOfTheScores() {
		// on multiples of 4 both transforms below keep distinct scores distinct
		List<Row> rows = binormal(5000, 1000, 0.7, 7).stream()
			.map((row) -> new Row(4 * (row.score() / 4), row.bad()))
			.toList();
		ScoreDistribution distribution = distributionOf(rows);

		for (IntUnaryOperator transform : List.<IntUnaryOperator>of((score) -> score / 2 + 100,
				(score) -> (int) Math.round(1000 * Math.sqrt(score / 1000.0)))) {
			assertThat(rows.stream().mapToInt(Row::score).distinct().sorted().map(transform).toArray()).isSorted()
				.doesNotHaveDuplicates();
			ScoreDistribution transformed = distributionOf(rows, transform);
			assertThat(transformed.auc()).isEqualTo(distribution.auc());
			assertThat(transformed.gini()).isEqualTo(distribution.gini());
			assertThat(transformed.ks()).isEqualTo(distribution.ks());
			assertThat(transformed.ksScore()).isEqualTo(transform.applyAsInt(distribution.ksScore()));
		}
		ScoreDistribution reversed = distributionOf(rows, (score) -> 1000 - score);
		assertThat(reversed.auc()).isCloseTo(1 - distribution.auc(), within(1e-12));
		assertThat(reversed.gini()).isCloseTo(-distribution.gini(), within(1e-12));
		// the KS gap is the same seen from above
		assertThat(reversed.ks()).isCloseTo(distribution.ks(), within(1e-12));
	}

	/**
	 * Goods ~ N(mean + d sigma, sigma) and bads ~ N(mean, sigma): the difference of a
	 * good and a bad is N(d sigma, sigma sqrt 2), so AUC = Phi(d / sqrt 2); the
	 * distribution functions are furthest apart halfway between the means, where they
	 * differ by 2 Phi(d / 2) minus 1.
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 1.0, 2.0 })
	void shouldAgreeWithTheTheoryOfABinormalPopulation(double separation) {
		ScoreDistribution distribution = distributionOf(binormal(100_000, 100_000, separation, 8));

		double auc = STANDARD_NORMAL.cumulativeProbability(separation / Math.sqrt(2));
		double ks = 2 * STANDARD_NORMAL.cumulativeProbability(separation / 2) - 1;
		assertThat(distribution.auc()).isCloseTo(auc, within(0.01));
		assertThat(distribution.ks()).isCloseTo(ks, within(0.01));
		assertThat(distribution.ksScore()).isCloseTo((int) (MEAN_BAD_SCORE + separation * SCORE_SPREAD / 2),
				within(25));
		assertThat(distribution.gini()).isCloseTo(2 * distribution.auc() - 1, within(1e-15));
	}

	@Test
	void shouldHaveTheAucAsTheAreaUnderTheRocCurve() {
		List<Row> rows = binormal(15_000, 5000, 1, 9);
		ScoreDistribution distribution = distributionOf(rows);
		List<RocPoint> roc = distribution.roc();

		assertThat(roc).hasSize((int) rows.stream().mapToInt(Row::score).distinct().count() + 1);
		assertThat(roc.get(0)).isEqualTo(new RocPoint(0, 0));
		assertThat(roc.get(roc.size() - 1)).isEqualTo(new RocPoint(1, 1));
		assertThat(roc.stream().mapToDouble(RocPoint::falsePositiveRate).toArray()).isSorted();
		assertThat(roc.stream().mapToDouble(RocPoint::truePositiveRate).toArray()).isSorted();
		assertThat(trapezoidArea(roc)).isCloseTo(distribution.auc(), within(1e-12));
	}

	@Test
	void shouldMergeTwoHalvesIntoTheWhole() {
		List<Row> rows = binormal(8000, 2000, 1, 10);
		ScoreDistribution whole = distributionOf(rows);
		ScoreDistribution merged = distributionOf(rows.subList(0, 5000));
		merged.merge(distributionOf(rows.subList(5000, rows.size())));

		for (int score = 0; score <= 1000; score++) {
			assertThat(merged.goodsAt(score)).as("goods at %d", score).isEqualTo(whole.goodsAt(score));
			assertThat(merged.badsAt(score)).as("bads at %d", score).isEqualTo(whole.badsAt(score));
		}
		assertThat(merged.count()).isEqualTo(10_000);
		assertThat(merged.auc()).isEqualTo(whole.auc());
		assertThat(merged.ks()).isEqualTo(whole.ks());
		assertThat(merged.giniCi95(200, 1)).containsExactly(whole.giniCi95(200, 1));
	}

	@Test
	void shouldBracketTheGiniTheSameWayForTheSameSeed() {
		ScoreDistribution distribution = distributionOf(binormal(8000, 2000, 1, 12));

		double[] interval = distribution.giniCi95(1000, 42);
		assertThat(interval[0]).isLessThan(distribution.gini());
		assertThat(interval[1]).isGreaterThan(distribution.gini());
		assertThat(distribution.giniCi95(1000, 42)).containsExactly(interval);
		assertThat(distribution.giniCi95(1000, 43)).isNotEqualTo(interval);
	}

	@Test
	void shouldNarrowTheIntervalBySquareRootOfTenForTenTimesTheRows() {
		double[] small = distributionOf(binormal(8000, 2000, 1, 13)).giniCi95(1000, 1);
		double[] large = distributionOf(binormal(80_000, 20_000, 1, 14)).giniCi95(1000, 1);

		assertThat((small[1] - small[0]) / (large[1] - large[0])).isBetween(2.5, 4.0);
	}

	/**
	 * DeLong's variance of the AUC from the placement values: each good's share of bads
	 * it beats (ties half) and each bad's share of goods that beat it. The bootstrap
	 * interval of the Gini should span about 2 x 1.96 x 2 of its standard errors.
	 */
	@Test
	void shouldSpanTheIntervalThatDeLongsVarianceGives() {
		List<Row> rows = binormal(8000, 2000, 1, 15);
		long[] goodsAt = new long[1001];
		long[] badsAt = new long[1001];
		rows.forEach((row) -> (row.bad() ? badsAt : goodsAt)[row.score()]++);
		double goods = 8000;
		double bads = 2000;
		double[] goodPlacements = new double[8000];
		double[] badPlacements = new double[2000];
		int good = 0;
		int bad = 0;
		for (Row row : rows) {
			long below = 0;
			long above = 0;
			for (int score = 0; score <= 1000; score++) {
				below += (score < row.score()) ? badsAt[score] : 0;
				above += (score > row.score()) ? goodsAt[score] : 0;
			}
			if (row.bad()) {
				badPlacements[bad++] = (above + goodsAt[row.score()] / 2.0) / goods;
			}
			else {
				goodPlacements[good++] = (below + badsAt[row.score()] / 2.0) / bads;
			}
		}
		double aucStandardError = Math.sqrt(variance(goodPlacements) / goods + variance(badPlacements) / bads);

		double[] interval = distributionOf(rows).giniCi95(2000, 3);
		assertThat(interval[1] - interval[0]).isCloseTo(2 * 1.96 * 2 * aucStandardError,
				within(0.15 * 2 * 1.96 * 2 * aucStandardError));
	}

	@Test
	void shouldRefuseScoresOutsideTheScale() {
		ScoreDistribution distribution = new ScoreDistribution();

		assertThatIllegalArgumentException().isThrownBy(() -> distribution.add(-1, true)).withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> distribution.add(1001, false))
			.withMessageContaining("1001");
		assertThatIllegalArgumentException().isThrownBy(() -> distribution.goodsAt(1001)).withMessageContaining("1001");
		assertThat(distribution.count()).isZero();
		distribution.add(0, true);
		distribution.add(1000, false);
		assertThat(distribution.count()).isEqualTo(2);
	}

	@Test
	void shouldRefuseMeaninglessBandsAndBootstraps() {
		ScoreDistribution distribution = handWorked();

		assertThatIllegalArgumentException().isThrownBy(() -> distribution.bands(0)).withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> distribution.giniCi95(0, 1))
			.withMessageContaining("replicate");
	}

	@Test
	void shouldLeaveTheStatisticsUndefinedWithoutBothGoodsAndBads() {
		ScoreDistribution onlyGoods = new ScoreDistribution();
		onlyGoods.add(700, false);

		for (ScoreDistribution distribution : List.of(new ScoreDistribution(), onlyGoods)) {
			assertThat(distribution.auc()).isNaN();
			assertThat(distribution.gini()).isNaN();
			assertThat(distribution.ks()).isNaN();
			assertThat(distribution.ksScore()).isEqualTo(-1);
			assertThat(distribution.roc()).isEmpty();
			assertThat(distribution.ksCurve()).isEmpty();
			assertThat(distribution.giniCi95(10, 1)).containsExactly(Double.NaN, Double.NaN);
		}
		assertThat(onlyGoods.bands(100)).containsExactly(new ScoreBand(700, 800, 1, 0));
	}

	private static List<Row> binormal(int goods, int bads, double separation, long seed) {
		Random random = new Random(seed);
		List<Row> rows = new ArrayList<>();
		for (int row = 0; row < goods; row++) {
			double score = MEAN_BAD_SCORE + (separation + random.nextGaussian()) * SCORE_SPREAD;
			rows.add(new Row((int) Math.max(0, Math.min(1000, Math.round(score))), false));
		}
		for (int row = 0; row < bads; row++) {
			double score = MEAN_BAD_SCORE + random.nextGaussian() * SCORE_SPREAD;
			rows.add(new Row((int) Math.max(0, Math.min(1000, Math.round(score))), true));
		}
		return rows;
	}

	private static ScoreDistribution distributionOf(List<Row> rows) {
		return distributionOf(rows, IntUnaryOperator.identity());
	}

	private static ScoreDistribution distributionOf(List<Row> rows, IntUnaryOperator transform) {
		ScoreDistribution distribution = new ScoreDistribution();
		rows.forEach((row) -> distribution.add(transform.applyAsInt(row.score()), row.bad()));
		return distribution;
	}

	private static boolean inBand(Row row, ScoreBand band) {
		return row.score() >= band.from() && row.score() < band.to();
	}

	private static double trapezoidArea(List<RocPoint> curve) {
		double area = 0;
		for (int point = 1; point < curve.size(); point++) {
			RocPoint left = curve.get(point - 1);
			RocPoint right = curve.get(point);
			area += (right.falsePositiveRate() - left.falsePositiveRate())
					* (left.truePositiveRate() + right.truePositiveRate()) / 2;
		}
		return area;
	}

	private static double variance(double[] values) {
		double mean = 0;
		for (double value : values) {
			mean += value / values.length;
		}
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		return squares / (values.length - 1);
	}

}
