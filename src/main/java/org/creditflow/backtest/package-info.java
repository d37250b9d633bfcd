/**
 * Lending history and backtests: a synthetic history of applicants with known outcomes
 * (drawn from the MyData population model), the CSV format a bank can export its own
 * history into, and backtests that run any ruleset over a whole population — alone or
 * against a baseline — and report approvals, bad rates, discrimination (AUC, Gini, KS),
 * prices and the migration between the two, by segment and grade.
 */
@NonNullApi
package org.creditflow.backtest;

import org.springframework.lang.NonNullApi;
