package org.creditflow.scorecard;

/**
 * Weight of evidence and information value of a group of rows against the whole: how much
 * more common the goods are in the group than the bads, on a log scale (positive: safer
 * than average). An empty side gets half a row, so that a bin without bads has a large
 * but finite weight.
 */
final class WeightOfEvidence {

	/**
	 * Added to an empty count: the usual correction, which keeps the logarithm finite.
	 */
	static final double EMPTY_CELL = 0.5;

	private WeightOfEvidence() {
	}

	/** ln((goods / all goods) / (bads / all bads)). */
	static double of(long goods, long bads, long allGoods, long allBads) {
		double goodShare = ((goods == 0) ? EMPTY_CELL : goods) / (double) allGoods;
		double badShare = ((bads == 0) ? EMPTY_CELL : bads) / (double) allBads;
		return Math.log(goodShare / badShare);
	}

	/**
	 * The group's part of the information value: (share of goods − share of bads) × WoE;
	 * never negative.
	 */
	static double informationValue(long goods, long bads, long allGoods, long allBads) {
		double difference = goods / (double) allGoods - bads / (double) allBads;
		return difference * of(goods, bads, allGoods, allBads);
	}

}
