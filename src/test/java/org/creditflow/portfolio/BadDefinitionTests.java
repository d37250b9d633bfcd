package org.creditflow.portfolio;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan is bad at 90 days past due, or defaulted, or written off, within 12 months of
 * booking; what happens later leaves the flag as it was.
 */
class BadDefinitionTests {

	private static final YearMonth BOOKED = YearMonth.of(2026, 3);

	private final BadDefinition definition = new BadDefinition(90, 12);

	@Test
	void shouldKeepALoanPaidAsDueGood() {
		LoanOutcome outcome = outcome(current(0), current(1), current(2));

		assertThat(outcome.bad()).isFalse();
		assertThat(outcome.badMonth()).isNull();
		assertThat(outcome.monthsOnBook()).isEqualTo(2);
		assertThat(outcome.lastStatus()).isEqualTo(LoanStatus.CURRENT);
		assertThat(outcome.definition()).isEqualTo("90dpd-12m");
	}

	@Test
	void shouldFlagTheFirstMonthAt90DaysPastDue() {
		LoanOutcome outcome = outcome(current(0), late(3, 30), late(4, 60), late(5, 90), late(6, 120), current(7));

		assertThat(outcome.bad()).isTrue();
		assertThat(outcome.badMonth()).isEqualTo(BOOKED.plusMonths(5));
		assertThat(outcome.worstDaysPastDue()).isEqualTo(120);
		// cured since, still bad: the definition looks at the window, not at today
		assertThat(outcome.lastStatus()).isEqualTo(LoanStatus.CURRENT);
	}

	@Test
	void shouldNotFlag89DaysPastDue() {
		assertThat(outcome(late(4, 89)).bad()).isFalse();
	}

	@Test
	void shouldFlagADefaultOrWriteOffWhateverItsDaysPastDue() {
		assertThat(outcome(report(2, 40, LoanStatus.DEFAULTED, 900_000)).bad()).isTrue();
		assertThat(outcome(report(2, 0, LoanStatus.WRITTEN_OFF, 0)).bad()).isTrue();
	}

	@Test
	void shouldIgnoreWhatHappensAfterTheWindow() {
		LoanOutcome outcome = outcome(late(12, 60), late(13, 90), report(15, 150, LoanStatus.DEFAULTED, 1));

		assertThat(outcome.bad()).isFalse();
		assertThat(outcome.worstDaysPastDue()).isEqualTo(60);
		assertThat(outcome.monthsOnBook()).isEqualTo(15);
		assertThat(outcome.lastStatus()).isEqualTo(LoanStatus.DEFAULTED);
	}

	@Test
	void shouldReadReportsInAnyOrder() {
		LoanOutcome outcome = outcome(late(8, 95), current(0), late(7, 65));

		assertThat(outcome.badMonth()).isEqualTo(BOOKED.plusMonths(8));
		assertThat(outcome.monthsOnBook()).isEqualTo(8);
	}

	@Test
	void shouldApplyAnotherDefinition() {
		BadDefinition stricter = new BadDefinition(60, 6);
		List<MonthlyReport> reports = List.of(late(5, 60), late(7, 90));

		assertThat(stricter.outcome("loan", BOOKED, reports).badMonth()).isEqualTo(BOOKED.plusMonths(5));
		assertThat(stricter.code()).isEqualTo("60dpd-6m");
		assertThat(this.definition.outcome("loan", BOOKED, reports).badMonth()).isEqualTo(BOOKED.plusMonths(7));
	}

	private LoanOutcome outcome(MonthlyReport... reports) {
		return this.definition.outcome("loan", BOOKED, new ArrayList<>(List.of(reports)));
	}

	private static MonthlyReport current(int monthsOnBook) {
		return report(monthsOnBook, 0, LoanStatus.CURRENT, 1_000_000);
	}

	private static MonthlyReport late(int monthsOnBook, int daysPastDue) {
		return report(monthsOnBook, daysPastDue, LoanStatus.DELINQUENT, 1_000_000);
	}

	private static MonthlyReport report(int monthsOnBook, int daysPastDue, LoanStatus status, long balance) {
		return new MonthlyReport("loan", BOOKED.plusMonths(monthsOnBook), daysPastDue, status, balance, "servicer",
				OffsetDateTime.now(), 1);
	}

}
