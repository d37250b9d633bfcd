package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bins an ordinal characteristic as scorecard developers do: fine bins of about equal
 * size at the distinct values, then coarse bins — adjacent bins merged until the bad rate
 * moves one way only (no cliffs and no reversals in the points) and every bin holds at
 * least a minimum share of the rows. Missing values (NaN) get a bin of their own.
 */
final class NumericBinning {

	/** Fine bins before merging: about 5 % of the rows each. */
	static final int FINE_BINS = 20;

	private NumericBinning() {
	}

	/**
	 * @param values one per row; NaN where missing
	 * @param bad the target, one per row
	 * @param rows the rows to bin on (the training part)
	 * @param minShare the smallest share of the non-missing rows a bin may hold
	 */
	static List<Bin> bin(double[] values, boolean[] bad, int[] rows, double minShare) {
		Map<Double, long[]> byValue = new HashMap<>();
		long missingGoods = 0;
		long missingBads = 0;
		for (int row : rows) {
			double value = values[row];
			if (Double.isNaN(value)) {
				missingGoods += bad[row] ? 0 : 1;
				missingBads += bad[row] ? 1 : 0;
			}
			else {
				long[] counts = byValue.computeIfAbsent(value, (key) -> new long[2]);
				counts[bad[row] ? 1 : 0]++;
			}
		}
		List<Bin> bins = fine(byValue);
		bins = monotone(bins);
		bins = withMinimumShare(bins, minShare);
		if (missingGoods + missingBads > 0) {
			bins.add(Bin.missing(missingGoods, missingBads));
		}
		return bins;
	}

	/**
	 * Cuts the sorted distinct values into runs of about 1/{@link #FINE_BINS} of the
	 * rows.
	 */
	private static List<Bin> fine(Map<Double, long[]> byValue) {
		double[] distinct = byValue.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
		long total = byValue.values().stream().mapToLong((counts) -> counts[0] + counts[1]).sum();
		long target = Math.max(1, total / FINE_BINS);
		List<Bin> bins = new ArrayList<>();
		Double from = null;
		long goods = 0;
		long bads = 0;
		for (int i = 0; i < distinct.length; i++) {
			long[] counts = byValue.get(distinct[i]);
			goods += counts[0];
			bads += counts[1];
			boolean last = i == distinct.length - 1;
			if (last || goods + bads >= target) {
				Double to = last ? null : distinct[i + 1];
				bins.add(Bin.range(from, to, goods, bads));
				from = to;
				goods = 0;
				bads = 0;
			}
		}
		return bins;
	}

	/**
	 * Merges adjacent bins until the bad rate strictly rises (or strictly falls, as the
	 * data lean overall) from bin to bin: pool-adjacent-violators.
	 */
	static List<Bin> monotone(List<Bin> fine) {
		List<Bin> bins = new ArrayList<>(fine);
		boolean rising = leansUp(bins);
		boolean merged = true;
		while (merged && bins.size() > 1) {
			merged = false;
			for (int i = 0; i + 1 < bins.size(); i++) {
				double here = bins.get(i).badRate();
				double next = bins.get(i + 1).badRate();
				if (rising ? next <= here : next >= here) {
					bins.set(i, bins.get(i).mergeWith(bins.remove(i + 1)));
					merged = true;
					break;
				}
			}
		}
		return bins;
	}

	/**
	 * Merges every bin smaller than the minimum share into the neighbour whose bad rate
	 * is closest; merging neighbours keeps the bad rates monotone.
	 */
	static List<Bin> withMinimumShare(List<Bin> coarse, double minShare) {
		List<Bin> bins = new ArrayList<>(coarse);
		long total = bins.stream().mapToLong(Bin::count).sum();
		while (bins.size() > 1) {
			int smallest = 0;
			for (int i = 1; i < bins.size(); i++) {
				if (bins.get(i).count() < bins.get(smallest).count()) {
					smallest = i;
				}
			}
			if (bins.get(smallest).count() >= minShare * total) {
				break;
			}
			int neighbour = neighbour(bins, smallest);
			int first = Math.min(smallest, neighbour);
			bins.set(first, bins.get(first).mergeWith(bins.remove(first + 1)));
		}
		return bins;
	}

	private static int neighbour(List<Bin> bins, int index) {
		if (index == 0) {
			return 1;
		}
		if (index == bins.size() - 1) {
			return index - 1;
		}
		double rate = bins.get(index).badRate();
		double left = Math.abs(bins.get(index - 1).badRate() - rate);
		double right = Math.abs(bins.get(index + 1).badRate() - rate);
		return (left <= right) ? index - 1 : index + 1;
	}

	/** Whether the bad rate rises with the bins' order: a count-weighted correlation. */
	private static boolean leansUp(List<Bin> bins) {
		double n = 0;
		double sumX = 0;
		double sumY = 0;
		double sumXY = 0;
		for (int i = 0; i < bins.size(); i++) {
			double weight = bins.get(i).count();
			n += weight;
			sumX += weight * i;
			sumY += weight * bins.get(i).badRate();
			sumXY += weight * i * bins.get(i).badRate();
		}
		return sumXY / n - (sumX / n) * (sumY / n) >= 0;
	}

}
