package org.creditflow.scorecard;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.creditflow.backtest.ScoreDistribution;

/**
 * The paired percentile bootstrap of two scorecards' statistics on the same rows: each
 * replicate draws the rows with replacement once and scores the draw with both, so what
 * the two share (the same hard and easy applicants) cancels out of their difference, and
 * its interval is narrower than the two intervals side by side suggest. Replicate
 * {@code r} draws from its own stream, split in order off the seed, so the replicates run
 * on every core and the same seed gives the same intervals.
 */
final class PairedBootstrap {

	/**
	 * What is measured on one set of rows.
	 *
	 * @param baselineApproval share approved at the target bad rate
	 */
	record Statistics(double baselineGini, double candidateGini, double baselineKs, double candidateKs,
			double baselineApproval, double candidateApproval) {

		double giniDifference() {
			return this.candidateGini - this.baselineGini;
		}

		double ksDifference() {
			return this.candidateKs - this.baselineKs;
		}

		/**
		 * Candidate's approvals over baseline's, minus 1; NaN when the baseline approves
		 * none.
		 */
		double approvalChange() {
			return (this.baselineApproval > 0) ? this.candidateApproval / this.baselineApproval - 1 : Double.NaN;
		}

		static Statistics of(ScoreDistribution baseline, ScoreDistribution candidate, double targetBadRate) {
			return new Statistics(baseline.gini(), candidate.gini(), baseline.ks(), candidate.ks(),
					ApprovalAtBadRate.at(baseline, targetBadRate).rate(),
					ApprovalAtBadRate.at(candidate, targetBadRate).rate());
		}

	}

	private final Statistics[] replicates;

	private PairedBootstrap(Statistics[] replicates) {
		this.replicates = replicates;
	}

	/**
	 * @param baseline each row's score by the baseline, on the 0 to 1000 scale
	 * @param candidate the same rows' scores by the candidate
	 * @param bad each row's outcome
	 */
	static PairedBootstrap run(int[] baseline, int[] candidate, boolean[] bad, double targetBadRate, int replicates,
			long seed) {
		SplittableRandom seeds = new SplittableRandom(seed);
		long[] streams = new long[replicates];
		for (int r = 0; r < replicates; r++) {
			streams[r] = seeds.nextLong();
		}
		Statistics[] statistics = new Statistics[replicates];
		IntStream.range(0, replicates).parallel().forEach((r) -> {
			SplittableRandom random = new SplittableRandom(streams[r]);
			ScoreDistribution baselineDraw = new ScoreDistribution();
			ScoreDistribution candidateDraw = new ScoreDistribution();
			for (int i = 0; i < bad.length; i++) {
				int row = random.nextInt(bad.length);
				baselineDraw.add(baseline[row], bad[row]);
				candidateDraw.add(candidate[row], bad[row]);
			}
			statistics[r] = Statistics.of(baselineDraw, candidateDraw, targetBadRate);
		});
		return new PairedBootstrap(statistics);
	}

	/**
	 * The 2.5 % and 97.5 % points of a statistic over the replicates that define it
	 * (Hyndman and Fan's type 7, as {@code GiniBootstrap} and R); NaN when none does.
	 */
	double[] interval(ToDoubleFunction<Statistics> statistic) {
		double[] values = Arrays.stream(this.replicates)
			.mapToDouble(statistic)
			.filter((value) -> !Double.isNaN(value))
			.toArray();
		if (values.length == 0) {
			return new double[] { Double.NaN, Double.NaN };
		}
		Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		percentile.setData(values);
		return new double[] { percentile.evaluate(2.5), percentile.evaluate(97.5) };
	}

}
