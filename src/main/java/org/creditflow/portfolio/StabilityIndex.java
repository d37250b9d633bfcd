package org.creditflow.portfolio;

/**
 * The population stability index of a distribution over bins against a baseline,
 * {@code Σ (actual − expected) · ln(actual / expected)} over the bins' shares: 0 when
 * both are alike, larger the more they differ. The same formula is the characteristic
 * stability index when the bins are one characteristic's. A bin that holds nobody on one
 * side counts as half a row there, so an empty bin weighs in without an infinite
 * logarithm.
 */
final class StabilityIndex {

	private StabilityIndex() {
	}

	/**
	 * @param expected the baseline's rows in each bin
	 * @param actual the rows observed in the same bins
	 */
	static double of(long[] expected, long[] actual) {
		if (expected.length != actual.length) {
			throw new IllegalArgumentException("expected and actual need the same bins");
		}
		double expectedRows = sum(expected);
		double actualRows = sum(actual);
		double index = 0;
		for (int bin = 0; bin < expected.length; bin++) {
			if (expected[bin] == 0 && actual[bin] == 0) {
				continue;
			}
			double e = Math.max(expected[bin], 0.5) / expectedRows;
			double a = Math.max(actual[bin], 0.5) / actualRows;
			index += (a - e) * Math.log(a / e);
		}
		return index;
	}

	private static long sum(long[] rows) {
		long sum = 0;
		for (long row : rows) {
			sum += row;
		}
		if (sum == 0) {
			throw new IllegalArgumentException("no rows to compare");
		}
		return sum;
	}

}
