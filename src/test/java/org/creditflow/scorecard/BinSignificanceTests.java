package org.creditflow.scorecard;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The chi-square screen: a hand-worked table, and a characteristic of noise kept out on a
 * few hundred rows, where its information value alone would often let it in.
 */
class BinSignificanceTests {

	/**
	 * 10 goods and 20 bads against 20 and 10: every expected count is 15, chi-square 4 x
	 * 25 / 15 = 6.67 on one degree of freedom, p = 0.0098.
	 */
	@Test
	void shouldTestTheBinsAsAHandWorkedChiSquare() {
		List<Bin> bins = List.of(Bin.range(null, 1.0, 10, 20), Bin.range(1.0, null, 20, 10));

		assertThat(BinSignificance.pValue(bins)).isCloseTo(0.00982, within(0.00001));
		assertThat(BinSignificance.whyNot(bins, 0.05)).isNull();
		assertThat(BinSignificance.whyNot(bins, 0.001)).contains("chi-square p = 0.010");
		assertThat(BinSignificance.pValue(List.of(Bin.range(null, null, 30, 30)))).isEqualTo(1);
	}

	/**
	 * Four equally common codes that say nothing, on 700 rows at 30 % bad: the
	 * information value cut of 0.02 lets in about two in five, the chi-square test at 5 %
	 * about one in twenty.
	 */
	@Test
	void shouldKeepNoiseOutThatTheInformationValueCutLetsIn() {
		SplittableRandom random = new SplittableRandom(3);
		int passIv = 0;
		int passBoth = 0;
		int trials = 400;
		for (int trial = 0; trial < trials; trial++) {
			String[] codes = new String[700];
			boolean[] bad = new boolean[700];
			for (int row = 0; row < 700; row++) {
				codes[row] = "A" + random.nextInt(4);
				bad[row] = random.nextDouble() < 0.3;
			}
			List<Bin> bins = CategoricalBinning.bin(codes, bad, IntStream.range(0, 700).toArray(), 0.05);
			long goods = bins.stream().mapToLong(Bin::goods).sum();
			long bads = bins.stream().mapToLong(Bin::bads).sum();
			double iv = bins.stream()
				.mapToDouble((bin) -> WeightOfEvidence.informationValue(bin.goods(), bin.bads(), goods, bads))
				.sum();
			if (iv >= ScorecardSpec.DEFAULT_MIN_INFORMATION_VALUE) {
				passIv++;
				passBoth += (BinSignificance.whyNot(bins, ScorecardSpec.DEFAULT_SIGNIFICANCE_LEVEL) == null) ? 1 : 0;
			}
		}

		assertThat(passIv / (double) trials).isBetween(0.25, 0.55);
		assertThat(passBoth / (double) trials).isBetween(0.02, 0.09);
	}

	@Test
	void shouldTakeTheLevelFromTheSpec() {
		List<Map<String, String>> characteristics = List.of(Map.of("name", "age", "type", "numeric"));

		assertThat(ScorecardSpec.of(Map.of("target", "bad", "characteristics", characteristics)).significanceLevel())
			.isEqualTo(0.05);
		assertThat(ScorecardSpec.of(Map.of("target", "bad", "significanceLevel", 1, "characteristics", characteristics))
			.significanceLevel()).isEqualTo(1);
		assertThatThrownBy(() -> ScorecardSpec
			.of(Map.of("target", "bad", "significanceLevel", 0, "characteristics", characteristics)))
			.hasMessageContaining("significanceLevel must be above 0 and at most 1, not 0.0");
	}

}
