package org.creditflow.portfolio;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo's servicing plays loans whose 12-month bad rate is their PD (times the
 * multiplier asked for), in months that servicing's own checks accept.
 */
class ServicingSimulationTests {

	private static final YearMonth BOOKED = YearMonth.of(2026, 12);

	private static final BadDefinition DEFINITION = new BadDefinition(90, 12);

	@Test
	void shouldMakeLoansGoBadAsOftenAsTheirPdSays() {
		assertThat(badShare(new ServicingSimulation(1.0), 4.0)).isCloseTo(0.04, within(0.004));
		assertThat(badShare(new ServicingSimulation(1.5), 4.0)).isCloseTo(0.06, within(0.005));
	}

	@Test
	void shouldWriteMonthsThatServicingsChecksAccept() {
		Random random = new Random(3);
		ServicingSimulation simulation = new ServicingSimulation(5.0);
		for (int i = 0; i < 2_000; i++) {
			List<MonthlyReport> months = reports(simulation.months(loan(i, 10.0, 12), 24, random));
			for (MonthlyReport month : months) {
				PerformanceReport report = new PerformanceReport(month.month().toString(), month.daysPastDue(),
						month.status(), month.balance());
				assertThat(report.inconsistencies()).as("%s", month).isEmpty();
				assertThat(month.balance()).isBetween(0L, 12_000_000L);
			}
			assertThat(months.get(0).month()).isEqualTo(BOOKED);
			MonthlyReport last = months.get(months.size() - 1);
			if (DEFINITION.outcome("loan", BOOKED, months).bad()) {
				assertThat(last.status()).isEqualTo(LoanStatus.DEFAULTED);
				assertThat(DEFINITION.outcome("loan", BOOKED, months).badMonth()).isBetween(BOOKED.plusMonths(3),
						BOOKED.plusMonths(12));
			}
			else {
				// repaid at the end of its 12-month term, and no month reported after it
				assertThat(last.status()).isEqualTo(LoanStatus.REPAID);
				assertThat(last.month()).isEqualTo(BOOKED.plusMonths(12));
			}
		}
	}

	private static double badShare(ServicingSimulation simulation, double pd) {
		Random random = new Random(7);
		int loans = 20_000;
		int bad = 0;
		for (int i = 0; i < loans; i++) {
			if (DEFINITION.outcome("loan", BOOKED, reports(simulation.months(loan(i, pd, 36), 12, random))).bad()) {
				bad++;
			}
		}
		return (double) bad / loans;
	}

	private static BookEntry loan(int i, double pd, int term) {
		return new BookEntry("loan-" + i, BOOKED, 12_000_000, new BigDecimal("7.9"), term, "B", pd);
	}

	private static List<MonthlyReport> reports(List<String> rows) {
		return rows.stream()
			.map(PerformanceImport::cells)
			.map((cells) -> new MonthlyReport(cells.get(0), YearMonth.parse(cells.get(1)),
					Integer.parseInt(cells.get(2)), LoanStatus.valueOf(cells.get(3)), Long.parseLong(cells.get(4)),
					"servicer", OffsetDateTime.now(), 1))
			.toList();
	}

}
