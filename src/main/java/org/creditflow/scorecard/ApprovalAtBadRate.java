package org.creditflow.scorecard;

import org.creditflow.backtest.ScoreDistribution;

/**
 * How many applicants a score approves at a given bad rate among those approved: approve
 * everyone at or above a cut-off score, the lowest cut-off whose approved have a bad rate
 * no higher than the target. A cut-off is a score, so applicants with the same score are
 * approved or declined together. The bad rate among the approved need not rise steadily
 * as the cut-off falls (a few bads among the best scores can raise it early), so every
 * cut-off is tried, not only up to the first one that overshoots.
 */
final class ApprovalAtBadRate {

	/**
	 * Slack in comparing a count of bads with a target times a count of rows: a target
	 * that is itself a ratio of counts must admit the rows it came from, whatever the
	 * rounding of the product.
	 */
	private static final double ROUNDING = 1e-9;

	/** The default target's share of applicants: the baseline approving half. */
	static final double DEFAULT_SHARE = 0.5;

	/**
	 * The applicants approved: everyone scoring at or above {@code lowestScore}, none
	 * when {@code lowestScore} is -1 (even the best score alone is above the target).
	 */
	record Approved(int lowestScore, long rows, long bads, long applicants) {

		double rate() {
			return this.rows / (double) this.applicants;
		}

		double badRate() {
			return (this.rows == 0) ? Double.NaN : this.bads / (double) this.rows;
		}

	}

	private ApprovalAtBadRate() {
	}

	/** The most applicants approved at a bad rate among them of at most the target. */
	static Approved at(ScoreDistribution scores, double targetBadRate) {
		long rows = 0;
		long bads = 0;
		Approved best = new Approved(-1, 0, 0, scores.count());
		for (int score = ScoreDistribution.MAX_SCORE; score >= ScoreDistribution.MIN_SCORE; score--) {
			long badsHere = scores.badsAt(score);
			long rowsHere = scores.goodsAt(score) + badsHere;
			if (rowsHere == 0) {
				continue;
			}
			rows += rowsHere;
			bads += badsHere;
			if (bads <= targetBadRate * rows + ROUNDING) {
				best = new Approved(score, rows, bads, best.applicants());
			}
		}
		return best;
	}

	/**
	 * The bad rate among the best-scored applicants down to the score that brings them to
	 * at least the given share of all: a target every scorecard can be held to.
	 */
	static double badRateOfBest(ScoreDistribution scores, double share) {
		long rows = 0;
		long bads = 0;
		for (int score = ScoreDistribution.MAX_SCORE; score >= ScoreDistribution.MIN_SCORE; score--) {
			rows += scores.goodsAt(score) + scores.badsAt(score);
			bads += scores.badsAt(score);
			if (rows > 0 && rows >= share * scores.count()) {
				return bads / (double) rows;
			}
		}
		return Double.NaN;
	}

}
