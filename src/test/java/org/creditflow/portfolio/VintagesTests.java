package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Cumulative bad rate by booking month and months on book: a loan bad stays bad, a loan
 * not yet observed that long is left out rather than taken as good.
 */
class VintagesTests {

	private static final BadDefinition DEFINITION = new BadDefinition(90, 3);

	private static final YearMonth JANUARY = YearMonth.of(2026, 1);

	@Test
	void shouldCountBadLoansFromTheirBadMonthOnAndLeaveOutLoansNotObservedThatLong() {
		List<LoanOnBook> book = List.of(loan("a", JANUARY, "A", 3, null), loan("b", JANUARY, "A", 3, 1),
				loan("c", JANUARY, "B", 1, null), loan("d", JANUARY, "B", 2, 2));

		Vintages.Vintage january = Vintages.of(book, DEFINITION, Vintages.By.NONE).vintages().get(0);

		assertThat(january.loans()).isEqualTo(4);
		// month 0: all four observed, none bad; month 1: b bad; month 2: c not observed,
		// d bad; month 3: only a, b and the bad d
		assertThat(january.observedLoans()).containsExactly(4, 4, 3, 3);
		assertThat(january.cumulativeBadRate()).containsExactly(0.0, 0.25, 2 / 3.0, 2 / 3.0);
	}

	@Test
	void shouldSplitByGradeAndBookingMonth() {
		List<LoanOnBook> book = List.of(loan("a", JANUARY, "A", 3, null), loan("b", JANUARY, "B", 3, 1),
				loan("c", JANUARY.plusMonths(1), "A", 0, null));

		Vintages.Report report = Vintages.of(book, DEFINITION, Vintages.By.GRADE);

		assertThat(report.vintages()).extracting(Vintages.Vintage::bookedMonth, Vintages.Vintage::group)
			.containsExactly(tuple(JANUARY, "A"), tuple(JANUARY, "B"), tuple(JANUARY.plusMonths(1), "A"));
		// February's loan is observed at month 0 only
		assertThat(report.vintages().get(2).cumulativeBadRate()).containsExactly(0.0, null, null, null);
		assertThat(report.definition()).isEqualTo("90dpd-3m");
	}

	private static LoanOnBook loan(String id, YearMonth booked, String grade, int monthsOnBook, Integer badAt) {
		BookedLoan loan = new BookedLoan(id, booked, grade, "FULL_FILE", 2.0, "v1", "CHAMPION", "APPROVE", "rules");
		YearMonth badMonth = (badAt != null) ? booked.plusMonths(badAt) : null;
		return new LoanOnBook(loan, new LoanOutcome(id, booked, monthsOnBook, LoanStatus.CURRENT, 0, badMonth != null,
				badMonth, DEFINITION.code()));
	}

}
