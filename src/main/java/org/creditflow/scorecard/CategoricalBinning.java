package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bins a characteristic of codes without an order: one bin per code, the codes too rare
 * for a bin of their own pooled into one, and missing codes apart. Order does not matter,
 * so no monotone constraint applies.
 */
final class CategoricalBinning {

	static final String OTHER = "other";

	private CategoricalBinning() {
	}

	/**
	 * @param codes one per row; null where missing
	 */
	static List<Bin> bin(String[] codes, boolean[] bad, int[] rows, double minShare) {
		Map<String, long[]> byCode = new TreeMap<>();
		long missingGoods = 0;
		long missingBads = 0;
		for (int row : rows) {
			if (codes[row] == null) {
				missingGoods += bad[row] ? 0 : 1;
				missingBads += bad[row] ? 1 : 0;
			}
			else {
				byCode.computeIfAbsent(codes[row], (key) -> new long[2])[bad[row] ? 1 : 0]++;
			}
		}
		long present = byCode.values().stream().mapToLong((counts) -> counts[0] + counts[1]).sum();
		List<Bin> bins = new ArrayList<>();
		List<String> rare = new ArrayList<>();
		long rareGoods = 0;
		long rareBads = 0;
		for (Map.Entry<String, long[]> code : byCode.entrySet()) {
			long[] counts = code.getValue();
			if (counts[0] + counts[1] >= minShare * present) {
				bins.add(new Bin(code.getKey(), null, null, List.of(code.getKey()), false, counts[0], counts[1]));
			}
			else {
				rare.add(code.getKey());
				rareGoods += counts[0];
				rareBads += counts[1];
			}
		}
		if (!rare.isEmpty()) {
			bins.add(new Bin(OTHER, null, null, rare, false, rareGoods, rareBads));
		}
		if (missingGoods + missingBads > 0) {
			bins.add(Bin.missing(missingGoods, missingBads));
		}
		return bins;
	}

}
