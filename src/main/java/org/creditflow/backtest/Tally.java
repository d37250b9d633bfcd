package org.creditflow.backtest;

import java.math.BigDecimal;
import java.util.List;

import org.creditflow.scoring.Outcome;

import org.springframework.lang.Nullable;

/**
 * Counts what a ruleset did to one group of rows as they stream past, in constant memory,
 * and turns them into {@link Figures} at the end.
 */
final class Tally {

	static final String APPROVE = "APPROVE";

	static final String DECLINE = "DECLINE";

	/** Bootstrap replicates for the Gini's interval. */
	private static final int REPLICATES = 200;

	private final ScoreDistribution scores = new ScoreDistribution();

	private long rows;

	private long approved;

	private long declined;

	private long withOutcome;

	private long bads;

	private long approvedWithOutcome;

	private long approvedBads;

	private double rateSum;

	private double limitSum;

	void add(Outcome outcome, @Nullable Boolean bad) {
		this.rows++;
		boolean approve = APPROVE.equals(outcome.band());
		if (approve) {
			this.approved++;
			BigDecimal rate = outcome.offerRate();
			this.rateSum += (rate != null) ? rate.doubleValue() : 0;
			this.limitSum += (outcome.offerLimit() != null) ? outcome.offerLimit() : 0;
		}
		else if (DECLINE.equals(outcome.band())) {
			this.declined++;
		}
		if (bad != null) {
			this.withOutcome++;
			this.bads += bad ? 1 : 0;
			if (approve) {
				this.approvedWithOutcome++;
				this.approvedBads += bad ? 1 : 0;
			}
			if (outcome.score() != null) {
				this.scores.add(outcome.score(), bad);
			}
		}
	}

	ScoreDistribution scores() {
		return this.scores;
	}

	long rows() {
		return this.rows;
	}

	Figures figures(long seed) {
		long referred = this.rows - this.approved - this.declined;
		boolean separable = this.scores.goods() > 0 && this.scores.bads() > 0;
		List<Double> interval = null;
		if (separable) {
			double[] ci = this.scores.giniCi95(REPLICATES, seed);
			interval = List.of(ci[0], ci[1]);
		}
		return new Figures(this.rows, this.approved, referred, this.declined, share(this.approved, this.rows),
				share(referred, this.rows), share(this.declined, this.rows), this.withOutcome,
				(this.withOutcome > 0) ? share(this.bads, this.withOutcome) : null,
				(this.approvedWithOutcome > 0) ? share(this.approvedBads, this.approvedWithOutcome) : null,
				separable ? this.scores.auc() : null, separable ? this.scores.gini() : null,
				separable ? this.scores.ks() : null, interval,
				(this.approved > 0) ? this.rateSum / this.approved : null,
				(this.approved > 0) ? this.limitSum / this.approved : null);
	}

	static double share(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

}
