package org.creditflow.portfolio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class StabilityIndexTests {

	@Test
	void matchesAnIndependentCalculation() {
		// computed apart, in Python: sum((a/A - e/E) * log((a/A) / (e/E)))
		long[] expected = { 120, 180, 250, 200, 150, 100 };
		long[] actual = { 60, 90, 140, 160, 120, 30 };

		assertThat(StabilityIndex.of(expected, actual)).isCloseTo(0.07848622651185194, within(1e-12));
	}

	@Test
	void isTheSumOfBothDirectionsKullbackLeiblerDivergence() {
		long[] expected = { 3_000, 2_500, 1_800, 1_200, 900, 600 };
		long[] actual = { 100, 180, 260, 200, 150, 110 };

		double e = 10_000;
		double a = 1_000;
		double forward = 0;
		double backward = 0;
		for (int bin = 0; bin < expected.length; bin++) {
			forward += (actual[bin] / a) * Math.log((actual[bin] / a) / (expected[bin] / e));
			backward += (expected[bin] / e) * Math.log((expected[bin] / e) / (actual[bin] / a));
		}

		assertThat(StabilityIndex.of(expected, actual)).isCloseTo(forward + backward, within(1e-12));
	}

	@Test
	void isZeroForTheSameSharesWhateverTheSize() {
		assertThat(StabilityIndex.of(new long[] { 10, 20, 70 }, new long[] { 100, 200, 700 })).isZero();
	}

	@Test
	void anEmptyBinCountsAsHalfARow() {
		// the middle bin is empty in the month, the last never seen in development;
		// Python with max(count, 0.5) on both sides gives 2.872779534633151
		assertThat(StabilityIndex.of(new long[] { 100, 100, 0 }, new long[] { 50, 0, 10 })).isCloseTo(2.872779534633151,
				within(1e-12));
	}

	@Test
	void needsRowsOnBothSides() {
		assertThatIllegalArgumentException().isThrownBy(() -> StabilityIndex.of(new long[] { 1 }, new long[] { 0 }));
		assertThatIllegalArgumentException().isThrownBy(() -> StabilityIndex.of(new long[] { 1 }, new long[] { 1, 2 }));
	}

}
