package org.creditflow.portfolio;

import java.time.YearMonth;

import org.springframework.lang.Nullable;

/**
 * A loan's outcome so far under one bad definition.
 *
 * @param bookedMonth the month it was approved
 * @param monthsOnBook months from booking to its latest report
 * @param worstDaysPastDue the worst days past due reported within the definition's window
 * @param badMonth the first month it met the bad definition, or null while it has not
 * @param definition the definition's code, such as {@code 90dpd-12m}
 */
record LoanOutcome(String applicationId, YearMonth bookedMonth, int monthsOnBook, LoanStatus lastStatus,
		int worstDaysPastDue, boolean bad, @Nullable YearMonth badMonth, String definition) {

}
