package org.creditflow.backtest;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.creditflow.scoring.RecordedCases;
import org.creditflow.scoring.RecordedCases.RecordedCase;

import org.springframework.lang.Nullable;

/**
 * The assessments the service recorded in a period (and, if named, by one ruleset
 * version) as a population: each with its recorded facts and what was concluded then, so
 * the backtest also tells whether the candidate reproduces it. Their outcome (good or
 * bad) is not known here.
 *
 * @param from first instant, inclusive; null: from the first assessment
 * @param to last instant, exclusive; null: up to now
 */
record RecordedPopulation(RecordedCases cases, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to,
		@Nullable String rulesetVersion) implements Backtest.Population {

	long count() {
		return this.cases.count(this.from, this.to, this.rulesetVersion);
	}

	@Override
	public void forEach(Consumer<BacktestCase> each) {
		this.cases.forEach(this.from, this.to, this.rulesetVersion, (recorded) -> each.accept(row(recorded)));
	}

	static BacktestCase row(RecordedCase recorded) {
		return new BacktestCase(recorded.applicationId() + "#" + recorded.round(), recorded.facts(),
				HistoryCase.segmentOf(recorded.financial()), null, null, recorded.recorded());
	}

}
