package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds characteristics that measure what another already measures, before a regression
 * would count the same thing twice or fail to tell the two apart.
 */
final class RepeatedCharacteristics {

	/**
	 * Above this correlation of their weights of evidence two characteristics measure the
	 * same thing.
	 */
	static final double REPEAT_CORRELATION = 0.9;

	private RepeatedCharacteristics() {
	}

	/**
	 * Takes out every characteristic whose weights of evidence follow another's almost
	 * exactly (correlation above {@link #REPEAT_CORRELATION}), keeping the one with the
	 * higher information value: two measures of one thing would count it twice, and the
	 * regression cannot tell them apart.
	 */
	static void drop(List<BinnedCharacteristic> selected, int[] train, Map<String, String> why) {
		selected.sort(Comparator.comparingDouble(BinnedCharacteristic::informationValue).reversed());
		double[][] columns = new double[selected.size()][train.length];
		for (int j = 0; j < selected.size(); j++) {
			for (int i = 0; i < train.length; i++) {
				columns[j][i] = selected.get(j).woeOf(train[i]);
			}
		}
		List<Integer> kept = new ArrayList<>();
		for (int j = 0; j < selected.size(); j++) {
			int repeated = -1;
			double correlation = 0;
			for (int k : kept) {
				correlation = correlation(columns[j], columns[k]);
				if (Math.abs(correlation) > REPEAT_CORRELATION || Double.isNaN(correlation)) {
					repeated = k;
					break;
				}
			}
			if (repeated < 0) {
				kept.add(j);
			}
			else {
				why.put(selected.get(j).name(),
						String.format(Locale.ROOT, "it repeats %s (correlation of their weights of evidence %.3f)",
								selected.get(repeated).name(), correlation));
			}
		}
		List<BinnedCharacteristic> remaining = kept.stream().map(selected::get).toList();
		selected.clear();
		selected.addAll(remaining);
	}

	private static double correlation(double[] a, double[] b) {
		double meanA = 0;
		double meanB = 0;
		for (int i = 0; i < a.length; i++) {
			meanA += a[i];
			meanB += b[i];
		}
		meanA /= a.length;
		meanB /= b.length;
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - meanA) * (b[i] - meanB);
			aa += (a[i] - meanA) * (a[i] - meanA);
			bb += (b[i] - meanB) * (b[i] - meanB);
		}
		return ab / Math.sqrt(aa * bb);
	}

}
