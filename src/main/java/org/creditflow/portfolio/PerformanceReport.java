package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.creditflow.web.FieldProblem;

/**
 * A loan's status in one month, as loan servicing sends it.
 *
 * @param month the reported month, {@code YYYY-MM}
 * @param daysPastDue days the oldest unpaid instalment is overdue at the month's end
 * @param status the loan's status at the month's end
 * @param balance the amount still owed at the month's end, in KRW
 */
record PerformanceReport(
		@NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM") String month,
		@NotNull @Min(0) @Max(9999) Integer daysPastDue, @NotNull LoanStatus status,
		@NotNull @PositiveOrZero Long balance) {

	YearMonth yearMonth() {
		return YearMonth.parse(this.month);
	}

	/** What the fields say together that each alone cannot. */
	List<FieldProblem> inconsistencies() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.status == LoanStatus.CURRENT && this.daysPastDue > 0) {
			problems.add(new FieldProblem("daysPastDue", "must be 0 for a CURRENT loan (DELINQUENT is behind)"));
		}
		if (this.status == LoanStatus.DELINQUENT && this.daysPastDue == 0) {
			problems.add(new FieldProblem("daysPastDue", "must be at least 1 for a DELINQUENT loan"));
		}
		if (this.status == LoanStatus.REPAID && this.balance > 0) {
			problems.add(new FieldProblem("balance", "must be 0 for a REPAID loan"));
		}
		return problems;
	}

}
