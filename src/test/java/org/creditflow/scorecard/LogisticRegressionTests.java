package org.creditflow.scorecard;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The regression recovers a known logistic model from data simulated with it.
 */
class LogisticRegressionTests {

	@Test
	void shouldRecoverTheCoefficientsTheDataWereDrawnWith() {
		double[] truth = { -3.0, 0.8, -1.5 };
		int rows = 200_000;
		SplittableRandom random = new SplittableRandom(42);
		double[][] x = new double[rows][];
		boolean[] y = new boolean[rows];
		for (int i = 0; i < rows; i++) {
			x[i] = new double[] { random.nextGaussian(), random.nextDouble(-1, 1) };
			double logit = truth[0] + truth[1] * x[i][0] + truth[2] * x[i][1];
			y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
		}

		LogisticRegression.Fit fit = LogisticRegression.fit(x, y, IntStream.range(0, rows).toArray());

		for (int j = 0; j < truth.length; j++) {
			assertThat(fit.coefficients()[j]).as("coefficient %d", j)
				.isCloseTo(truth[j], org.assertj.core.api.Assertions.within(3 * fit.standardErrors()[j]));
			assertThat(fit.standardErrors()[j]).isLessThan(0.05);
		}
		assertThat(fit.iterations()).isLessThan(15);
		assertThat(fit.probability(new double[] { 0, 0 })).isCloseTo(1 / (1 + Math.exp(3.0)),
				org.assertj.core.api.Assertions.within(0.005));
	}

	@Test
	void shouldSayWhenACharacteristicSeparatesPerfectly() {
		double[][] x = { { 0 }, { 1 }, { 2 }, { 3 } };
		boolean[] y = { false, false, true, true };

		assertThatIllegalStateException().isThrownBy(() -> LogisticRegression.fit(x, y, new int[] { 0, 1, 2, 3 }))
			.withMessageContaining("did not converge");
	}

}
