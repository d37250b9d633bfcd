package org.creditflow.portfolio;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * When a loan is bad: {@code daysPastDue} or more days past due, or defaulted, or written
 * off, in a month within {@code withinMonths} of its booking (the performance window; the
 * booking month is month 0). What happens after the window does not change the flag, so
 * loans of every vintage are judged over the same span.
 */
record BadDefinition(int daysPastDue, int withinMonths) {

	/** A short name kept with each derived flag, such as {@code 90dpd-12m}. */
	String code() {
		return this.daysPastDue + "dpd-" + this.withinMonths + "m";
	}

	/** The outcome of a booked loan from its monthly reports, in any order. */
	LoanOutcome outcome(String applicationId, YearMonth booked, List<MonthlyReport> reports) {
		List<MonthlyReport> byMonth = reports.stream().sorted(Comparator.comparing(MonthlyReport::month)).toList();
		MonthlyReport latest = byMonth.get(byMonth.size() - 1);
		int worst = 0;
		YearMonth badMonth = null;
		for (MonthlyReport report : byMonth) {
			if (monthsOnBook(booked, report.month()) > this.withinMonths) {
				break;
			}
			worst = Math.max(worst, report.daysPastDue());
			if (badMonth == null && (report.daysPastDue() >= this.daysPastDue || report.status().isDefault())) {
				badMonth = report.month();
			}
		}
		return new LoanOutcome(applicationId, booked, monthsOnBook(booked, latest.month()), latest.status(), worst,
				badMonth != null, badMonth, code());
	}

	static int monthsOnBook(YearMonth booked, YearMonth month) {
		return (int) ChronoUnit.MONTHS.between(booked, month);
	}

}
