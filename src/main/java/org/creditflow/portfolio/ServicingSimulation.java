package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A demo's loan servicing: each approved loan's months from its booking, drawn so that
 * its chance of reaching 90 days past due within the first 12 months is its PD at
 * decision times a multiplier (1: the scorecard is right; 1.5: loans go bad half as often
 * again as predicted, which calibration should catch). A loan that goes bad falls 30, 60,
 * then 90 days behind, some month between its 3rd and 12th, and is defaulted from the
 * month after; any other loan is now and then a few days late and cured the next month,
 * and is repaid at the end of its term. The balance runs down evenly over the term.
 */
final class ServicingSimulation {

	/** The months in which a bad loan reaches 90 days past due: 3 to 12. */
	static final int FIRST_BAD_MONTH = 3;

	static final int LAST_BAD_MONTH = 12;

	/** How often a good loan is a few days late in a month. */
	static final double LATE_SHARE = 0.03;

	private final double pdMultiplier;

	ServicingSimulation(double pdMultiplier) {
		this.pdMultiplier = pdMultiplier;
	}

	/** The loan's months 0 to {@code months} after booking, as CSV rows of the feed. */
	List<String> months(BookEntry loan, int months, Random random) {
		double pd = Math.min(1, (loan.pdPercent() != null ? loan.pdPercent() : 0) / 100 * this.pdMultiplier);
		// the month it reaches 90 days past due, if it does within the window
		int badMonth = (random.nextDouble() < pd)
				? FIRST_BAD_MONTH + random.nextInt(LAST_BAD_MONTH - FIRST_BAD_MONTH + 1) : Integer.MAX_VALUE;
		List<String> rows = new ArrayList<>();
		for (int k = 0; k <= months; k++) {
			rows.add(row(loan, loan.bookedMonth().plusMonths(k), k, badMonth, random));
			if (k >= loan.termMonths() && k < badMonth - 2) {
				break;
			}
		}
		return rows;
	}

	private static String row(BookEntry loan, YearMonth month, int k, int badMonth, Random random) {
		long balance = Math.max(0, loan.amount() - loan.amount() * k / Math.max(1, loan.termMonths()));
		int daysPastDue;
		LoanStatus status;
		if (k > badMonth) {
			daysPastDue = 90 + 30 * (k - badMonth);
			status = LoanStatus.DEFAULTED;
		}
		else if (k >= badMonth - 2) {
			daysPastDue = 90 - 30 * (badMonth - k);
			status = LoanStatus.DELINQUENT;
		}
		else if (k >= loan.termMonths()) {
			daysPastDue = 0;
			status = LoanStatus.REPAID;
			balance = 0;
		}
		else if (k > 0 && random.nextDouble() < LATE_SHARE) {
			daysPastDue = 1 + random.nextInt(20);
			status = LoanStatus.DELINQUENT;
		}
		else {
			daysPastDue = 0;
			status = LoanStatus.CURRENT;
		}
		if (status == LoanStatus.DELINQUENT || status == LoanStatus.DEFAULTED) {
			// what was owed when payments stopped
			balance = Math.max(balance,
					loan.amount() - loan.amount() * Math.min(k, badMonth - 2) / Math.max(1, loan.termMonths()));
		}
		return String.join(",", loan.applicationId(), month.toString(), String.valueOf(daysPastDue), status.name(),
				String.valueOf(balance));
	}

}
