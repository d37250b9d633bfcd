package org.creditflow.scorecard;

/**
 * How log-odds become points: at {@code base} points the odds of good to bad are
 * {@code odds} to 1, and every {@code pdo} points double them (points to double the
 * odds). The numbers come from {@code rules/policy.properties}.
 */
record ScoreScale(int base, double odds, int pdo) {

	/** Points per unit of log-odds. */
	double factor() {
		return this.pdo / Math.log(2);
	}

	/** The points of log-odds 0 (odds 1 to 1). */
	double offset() {
		return this.base - factor() * Math.log(this.odds);
	}

	/** The probability of default of a score. */
	double pd(double score) {
		return 1 / (1 + Math.exp((score - offset()) / factor()));
	}

}
