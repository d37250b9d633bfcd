package org.creditflow.backtest;

import java.nio.file.Path;

import org.creditflow.scoring.Ruleset;

import org.springframework.lang.Nullable;

/**
 * A backtest request, checked and ready to run: the rulesets compiled, the population
 * ready to be read.
 *
 * @param populationName what the rows are, for the run and its summary
 * @param rows how many rows the population has
 * @param upload the uploaded file the population reads, removed once the run ends
 */
record BacktestPlan(Chosen candidate, @Nullable Chosen baseline, Backtest.Population population, String populationName,
		long rows, @Nullable Path upload) {

	/** A ruleset and how the request named it: active, candidate or its version. */
	record Chosen(Ruleset ruleset, String named) {
	}

}
