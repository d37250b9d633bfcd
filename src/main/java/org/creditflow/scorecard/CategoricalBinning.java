package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bins a characteristic of codes without an order: one bin per code, the codes too rare
 * for a bin of their own pooled into one, and missing codes apart. When the pooled rare
 * codes are still too few for a bin (a few hundred rows, a handful of rare codes), they
 * join the code whose bad rate is closest to theirs, rather than stand as a bin whose
 * weight of evidence is mostly noise — unless that would leave a single code bin: a rare
 * flag (arrears today, in 1 or 2 % of the rows) is the whole of what its characteristic
 * says, and the chi-square screen keeps it out if it says nothing. Order does not matter,
 * so no monotone constraint applies. A bin is labelled with its codes.
 */
final class CategoricalBinning {

	private CategoricalBinning() {
	}

	/**
	 * @param codes one per row; null where missing
	 * @param minShare the smallest share of the rows with a code that a bin may hold
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
				bins.add(codes(List.of(code.getKey()), counts[0], counts[1]));
			}
			else {
				rare.add(code.getKey());
				rareGoods += counts[0];
				rareBads += counts[1];
			}
		}
		if (!rare.isEmpty()) {
			Bin pooled = codes(rare, rareGoods, rareBads);
			if (bins.size() < 2 || pooled.count() >= minShare * present) {
				bins.add(pooled);
			}
			else {
				int closest = closestBadRate(bins, pooled.badRate());
				Bin joined = bins.get(closest);
				List<String> both = new ArrayList<>(joined.categories());
				both.addAll(rare);
				bins.set(closest, codes(both, joined.goods() + rareGoods, joined.bads() + rareBads));
			}
		}
		if (missingGoods + missingBads > 0) {
			bins.add(Bin.missing(missingGoods, missingBads));
		}
		return bins;
	}

	private static Bin codes(List<String> codes, long goods, long bads) {
		List<String> sorted = codes.stream().sorted().toList();
		return new Bin(String.join(", ", sorted), null, null, sorted, false, goods, bads);
	}

	private static int closestBadRate(List<Bin> bins, double badRate) {
		int closest = 0;
		for (int i = 1; i < bins.size(); i++) {
			if (Math.abs(bins.get(i).badRate() - badRate) < Math.abs(bins.get(closest).badRate() - badRate)) {
				closest = i;
			}
		}
		return closest;
	}

}
