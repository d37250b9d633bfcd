package org.creditflow.backtest;

import org.springframework.lang.Nullable;

/**
 * Counts baseline band × candidate band as rows stream past, with their outcomes.
 */
final class MigrationTally {

	private final long[][] counts = new long[3][3];

	private final long[][] withOutcome = new long[3][3];

	private final long[][] bads = new long[3][3];

	void add(String baselineBand, String candidateBand, @Nullable Boolean bad) {
		int from = Migration.BANDS.indexOf(baselineBand);
		int to = Migration.BANDS.indexOf(candidateBand);
		this.counts[from][to]++;
		if (bad != null) {
			this.withOutcome[from][to]++;
			this.bads[from][to] += bad ? 1 : 0;
		}
	}

	Migration migration() {
		Double[][] badRates = new Double[3][3];
		for (int from = 0; from < 3; from++) {
			for (int to = 0; to < 3; to++) {
				badRates[from][to] = rate(this.bads[from][to], this.withOutcome[from][to]);
			}
		}
		return new Migration(Migration.BANDS, copy(this.counts), badRates, swap(false), swap(true));
	}

	/**
	 * Swap-ins: not approved by the baseline, approved by the candidate; swap-outs the
	 * other way round. Approve is index 0.
	 */
	private Migration.Swap swap(boolean out) {
		long count = 0;
		long known = 0;
		long bad = 0;
		for (int other = 1; other < 3; other++) {
			int from = out ? 0 : other;
			int to = out ? other : 0;
			count += this.counts[from][to];
			known += this.withOutcome[from][to];
			bad += this.bads[from][to];
		}
		return new Migration.Swap(count, known, rate(bad, known));
	}

	@Nullable
	private static Double rate(long bad, long known) {
		return (known == 0) ? null : (double) bad / known;
	}

	private static long[][] copy(long[][] counts) {
		long[][] copy = new long[counts.length][];
		for (int i = 0; i < counts.length; i++) {
			copy[i] = counts[i].clone();
		}
		return copy;
	}

}
