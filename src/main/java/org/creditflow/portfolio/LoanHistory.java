package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.List;

/** A loan's months as servicing reported them, and its outcome so far. */
record LoanHistory(String applicationId, YearMonth bookedMonth, LoanOutcome outcome, List<MonthlyReport> months) {

}
