package org.creditflow.scorecard;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.creditflow.backtest.ScoreDistribution;

/**
 * A scorecard's scores as places on {@link ScoreDistribution}'s scale of 0 to 1000, in
 * the same order with the same ties: Gini, KS and every cut-off depend only on the order,
 * and a scorecard's points may lie anywhere (below 0, above 1000) as long as there are at
 * most 1,001 different ones.
 */
final class ScoreRanks {

	/** The score at each place, lowest first. */
	private final int[] scoreAt;

	/** The place of each row's score. */
	final int[] place;

	private ScoreRanks(int[] scoreAt, int[] place) {
		this.scoreAt = scoreAt;
		this.place = place;
	}

	/**
	 * @param file where the scores come from, for the refusal
	 * @throws InvalidComparisonException for more than 1,001 different scores
	 */
	static ScoreRanks of(int[] scores, String file) {
		int[] distinct = IntStream.of(scores).distinct().sorted().toArray();
		if (distinct.length > ScoreDistribution.MAX_SCORE + 1) {
			throw new InvalidComparisonException(
					file + " has " + distinct.length + " different scores; a comparison ranks at most "
							+ (ScoreDistribution.MAX_SCORE + 1) + ", as the points of a scorecard have");
		}
		int[] place = IntStream.of(scores).map((score) -> Arrays.binarySearch(distinct, score)).toArray();
		return new ScoreRanks(distinct, place);
	}

	int scoreAt(int place) {
		return this.scoreAt[place];
	}

}
