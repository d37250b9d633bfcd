package org.creditflow.backtest;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Where the baseline's bands go under the candidate: rows are the baseline's band,
 * columns the candidate's, in {@link #BANDS} order; bad rates over the cells' rows with
 * an outcome (null without any).
 *
 * @param swapIns approved by the candidate, not by the baseline
 * @param swapOuts approved by the baseline, not by the candidate
 */
record Migration(List<String> bands, long[][] counts, Double[][] badRates, Swap swapIns, Swap swapOuts) {

	static final List<String> BANDS = List.of("APPROVE", "REFER", "DECLINE");

	/** Rows that changed sides, and how they perform. */
	record Swap(long count, long withOutcome, @Nullable Double badRate) {
	}

}
