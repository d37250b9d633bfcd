package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes into bins: rare codes pooled, a pool too small to stand joining the code closest
 * in bad rate (unless only one would be left), missing codes apart.
 */
class CategoricalBinningTests {

	/**
	 * 100 rows: A 40 (10 bad), B 40 (20 bad), C 6 (3 bad), D 4 (0 bad), 10 missing (5
	 * bad). At a minimum share of 10 % of the 90 coded rows (9), C and D are rare; pooled
	 * they are 10 rows, a bin of their own. At 12 % (10.8) the pool of 10 is too small
	 * and joins A, whose bad rate (25 %) is closest to its 30 %.
	 */
	@Test
	void shouldPoolRareCodesAndJoinATooSmallPoolToTheClosestBadRate() {
		List<String> codes = new ArrayList<>();
		List<Boolean> bads = new ArrayList<>();
		add(codes, bads, "A", 40, 10);
		add(codes, bads, "B", 40, 20);
		add(codes, bads, "C", 6, 3);
		add(codes, bads, "D", 4, 0);
		add(codes, bads, null, 10, 5);
		String[] column = codes.toArray(String[]::new);
		boolean[] bad = new boolean[bads.size()];
		IntStream.range(0, bad.length).forEach((row) -> bad[row] = bads.get(row));
		int[] rows = IntStream.range(0, bad.length).toArray();

		assertThat(CategoricalBinning.bin(column, bad, rows, 0.10)).containsExactly(
				new Bin("A", null, null, List.of("A"), false, 30, 10),
				new Bin("B", null, null, List.of("B"), false, 20, 20),
				new Bin("C, D", null, null, List.of("C", "D"), false, 7, 3), Bin.missing(5, 5));
		assertThat(CategoricalBinning.bin(column, bad, rows, 0.12)).containsExactly(
				new Bin("A, C, D", null, null, List.of("A", "C", "D"), false, 37, 13),
				new Bin("B", null, null, List.of("B"), false, 20, 20), Bin.missing(5, 5));
	}

	/**
	 * 100 rows, 97 without arrears (3 bad) and 3 in arrears (2 bad): the rare code is
	 * below any minimum share, but joined to the other it would leave one bin that tells
	 * nothing apart.
	 */
	@Test
	void shouldKeepARareFlagApartRatherThanLeaveOneBin() {
		List<String> codes = new ArrayList<>();
		List<Boolean> bads = new ArrayList<>();
		add(codes, bads, "false", 97, 3);
		add(codes, bads, "true", 3, 2);
		boolean[] bad = new boolean[bads.size()];
		IntStream.range(0, bad.length).forEach((row) -> bad[row] = bads.get(row));

		assertThat(CategoricalBinning.bin(codes.toArray(String[]::new), bad, IntStream.range(0, 100).toArray(), 0.05))
			.containsExactly(new Bin("false", null, null, List.of("false"), false, 94, 3),
					new Bin("true", null, null, List.of("true"), false, 1, 2));
	}

	private static void add(List<String> codes, List<Boolean> bads, String code, int rows, int bad) {
		for (int i = 0; i < rows; i++) {
			codes.add(code);
			bads.add(i < bad);
		}
	}

}
