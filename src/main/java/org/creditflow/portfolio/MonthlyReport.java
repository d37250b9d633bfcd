package org.creditflow.portfolio;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * One month of a loan as servicing reported it.
 *
 * @param balance the amount still owed at the month's end, in KRW
 * @param revision 1 for the first report of the month, one more for each correction
 */
record MonthlyReport(String applicationId, YearMonth month, int daysPastDue, LoanStatus status, long balance,
		String reportedBy, OffsetDateTime reportedAt, int revision) {

	/** The same figures: a report sent again, not a correction. */
	boolean sameFiguresAs(MonthlyReport other) {
		return this.month.equals(other.month) && this.daysPastDue == other.daysPastDue && this.status == other.status
				&& this.balance == other.balance;
	}

}
