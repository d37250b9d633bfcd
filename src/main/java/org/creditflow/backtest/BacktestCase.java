package org.creditflow.backtest;

import java.util.List;

import org.creditflow.scoring.Outcome;

import org.springframework.lang.Nullable;

/**
 * One row of a population as a backtest runs it: the rules' facts, the segment it is
 * reported under, its outcome when known, and — for a recorded application — what the
 * ruleset in service concluded then.
 */
record BacktestCase(String id, List<Object> facts, String segment, @Nullable Boolean bad, @Nullable Double truePd,
		@Nullable Outcome recorded) {
}
