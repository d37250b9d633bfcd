package org.creditflow.scorecard;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coarse bins are monotone in their bad rate, large enough, and keep missing values
 * apart.
 */
class NumericBinningTests {

	private static final int ROWS = 50_000;

	@Test
	void shouldMakeFewerSaferBinsAsTenureGrows() {
		SplittableRandom random = new SplittableRandom(1);
		double[] tenure = new double[ROWS];
		boolean[] bad = new boolean[ROWS];
		for (int i = 0; i < ROWS; i++) {
			tenure[i] = (random.nextDouble() < 0.03) ? Double.NaN : random.nextInt(0, 121);
			double rate = Double.isNaN(tenure[i]) ? 0.08 : 0.09 - 0.0006 * tenure[i] + 0.01 * random.nextGaussian();
			bad[i] = random.nextDouble() < Math.max(0.001, rate);
		}

		List<Bin> bins = NumericBinning.bin(tenure, bad, IntStream.range(0, ROWS).toArray(), 0.05);

		List<Bin> ranges = bins.stream().filter((bin) -> !bin.missing()).toList();
		assertThat(ranges).hasSizeBetween(3, NumericBinning.FINE_BINS);
		for (int i = 1; i < ranges.size(); i++) {
			assertThat(ranges.get(i).badRate()).as(ranges.toString()).isLessThan(ranges.get(i - 1).badRate());
			assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
		}
		long nonMissing = ranges.stream().mapToLong(Bin::count).sum();
		assertThat(ranges)
			.allSatisfy((bin) -> assertThat(bin.count()).isGreaterThanOrEqualTo((long) (0.05 * nonMissing)));
		assertThat(ranges.get(0).from()).isNull();
		assertThat(ranges.get(ranges.size() - 1).to()).isNull();
		assertThat(bins.get(bins.size() - 1).missing()).isTrue();
		assertThat(bins.stream().mapToLong(Bin::count).sum()).isEqualTo(ROWS);
	}

	@Test
	void shouldMergeAReversalRatherThanKeepACliff() {
		// bad rates 10 %, 6 %, 8 %, 3 % by value: the 6 % and 8 % bins cannot both stay
		double[] values = new double[4000];
		boolean[] bad = new boolean[4000];
		int[] badsPerBin = { 100, 60, 80, 30 };
		for (int bin = 0; bin < 4; bin++) {
			for (int i = 0; i < 1000; i++) {
				values[bin * 1000 + i] = bin;
				bad[bin * 1000 + i] = i < badsPerBin[bin];
			}
		}

		List<Bin> bins = NumericBinning.bin(values, bad, IntStream.range(0, 4000).toArray(), 0.05);

		assertThat(bins).extracting(Bin::label).containsExactly("< 1", "[1, 3)", ">= 3");
		assertThat(bins).extracting(Bin::bads).containsExactly(100L, 140L, 30L);
	}

}
