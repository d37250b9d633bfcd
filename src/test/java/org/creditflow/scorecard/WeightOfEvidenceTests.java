package org.creditflow.scorecard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Weight of evidence and information value on a table worked out by hand.
 */
class WeightOfEvidenceTests {

	// bin goods bads good share bad share WoE = ln(g/b) IV part = (g - b) * WoE
	// 1 100 10 1/6 0.4 ln(0.41667) = -0.87547 (-0.23333) * -0.87547 = 0.20428
	// 2 200 10 1/3 0.4 ln(0.83333) = -0.18232 (-0.06667) * -0.18232 = 0.01215
	// 3 300 5 1/2 0.2 ln(2.5) = 0.91629 ( 0.3 ) * 0.91629 = 0.27489
	// all 600 25 IV = 0.49132
	@Test
	void shouldMatchTheTableWorkedOutByHand() {
		assertThat(WeightOfEvidence.of(100, 10, 600, 25)).isCloseTo(-0.87547, within(1e-5));
		assertThat(WeightOfEvidence.of(200, 10, 600, 25)).isCloseTo(-0.18232, within(1e-5));
		assertThat(WeightOfEvidence.of(300, 5, 600, 25)).isCloseTo(0.91629, within(1e-5));
		double iv = WeightOfEvidence.informationValue(100, 10, 600, 25)
				+ WeightOfEvidence.informationValue(200, 10, 600, 25)
				+ WeightOfEvidence.informationValue(300, 5, 600, 25);
		assertThat(iv).isCloseTo(0.49132, within(1e-5));
	}

	@Test
	void shouldKeepABinWithoutBadsFiniteAndPositive() {
		// half a bad: ln((50/600) / (0.5/25)) = ln(4.1667) = 1.42712
		assertThat(WeightOfEvidence.of(50, 0, 600, 25)).isCloseTo(1.42712, within(1e-5));
		assertThat(WeightOfEvidence.informationValue(50, 0, 600, 25)).isPositive();
	}

}
