package org.creditflow.backtest;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What a ruleset does to a group of applications: how many it approves, refers and
 * declines, how the approved perform, how well its score separates good from bad payers,
 * and what it prices and lends. Rates are shares, 0 to 1. Figures that need outcomes are
 * null when the group has none.
 *
 * @param withOutcome rows whose outcome is known (and scored, for AUC, Gini and KS)
 * @param badRate bad rate over every row with an outcome, whatever its band
 * @param badRateApproved bad rate of the approved rows with an outcome
 * @param auc probability that a good payer scores higher than a bad one, over every
 * scored row with an outcome
 * @param giniCi95 95 % bootstrap interval of the Gini
 * @param meanRate mean annual rate offered to the approved, percent
 * @param meanLimit mean limit offered to the approved, KRW
 */
record Figures(long rows, long approved, long referred, long declined, double approvalRate, double referRate,
		double declineRate, long withOutcome, @Nullable Double badRate, @Nullable Double badRateApproved,
		@Nullable Double auc, @Nullable Double gini, @Nullable Double ks, @Nullable List<Double> giniCi95,
		@Nullable Double meanRate, @Nullable Double meanLimit) {
}
