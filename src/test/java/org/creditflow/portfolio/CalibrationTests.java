package org.creditflow.portfolio;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected against observed bad rate per grade, with a two-sided binomial test: its
 * p-values agree with an independent calculation, a grade whose loans go bad 1.5 times as
 * often as predicted is caught, and an unshifted book raises no more alarms than the
 * significance allows.
 */
class CalibrationTests {

	private static final BadDefinition DEFINITION = new BadDefinition(90, 12);

	private static final PortfolioProperties.Calibration SETTINGS = new PortfolioProperties.Calibration(0.01, 30);

	private static final YearMonth BOOKED = YearMonth.of(2025, 1);

	@Test
	void shouldGiveTheBinomialTestsPValueAsAnIndependentCalculationDoes() {
		// n, bad, PD: around the expectation, in either tail, and at the edges
		int[][] counts = { { 200, 6, 3 }, { 200, 7, 3 }, { 200, 12, 3 }, { 200, 1, 3 }, { 1000, 45, 3 }, { 50, 0, 2 },
				{ 500, 9, 1 } };
		for (int[] count : counts) {
			double pd = count[2] / 100.0;
			assertThat(Calibration.pValue(count[0], count[1], pd)).as("n=%d bad=%d pd=%.2f", count[0], count[1], pd)
				.isCloseTo(exactTwoSided(count[0], count[1], pd), within(1e-9));
		}
	}

	@Test
	void shouldJudgeEachGradeOnlyOnLoansWhoseWindowEnded() {
		List<LoanOnBook> book = new ArrayList<>();
		// grade A: 200 loans at 2 %, 4 bad: as predicted
		book.addAll(loans("A", 2.0, 200, 4));
		// grade B: 200 loans at 2 %, 20 bad: ten times the prediction
		book.addAll(loans("B", 2.0, 200, 20));
		// grade C: 10 loans only
		book.addAll(loans("C", 5.0, 10, 1));
		// young loans of grade A, not bad yet: not judged, not counted as good
		for (int i = 0; i < 50; i++) {
			book.add(loan("A", 2.0, 6, null));
		}

		Calibration.Report report = Calibration.of(book, DEFINITION, SETTINGS);

		assertThat(report.grades())
			.extracting(Calibration.Grade::grade, Calibration.Grade::loans, Calibration.Grade::bad,
					Calibration.Grade::verdict)
			.containsExactly(tuple("A", 200, 4, Calibration.Verdict.IN_LINE),
					tuple("B", 200, 20, Calibration.Verdict.WORSE_THAN_PREDICTED),
					tuple("C", 10, 1, Calibration.Verdict.TOO_FEW));
		assertThat(report.grades().get(0).expectedBadRate()).isCloseTo(0.02, within(1e-12));
		assertThat(report.grades().get(1).observedBadRate()).isCloseTo(0.10, within(1e-12));
		assertThat(report.grades().get(2).pValue()).isNull();
	}

	@Test
	void shouldCatchAShiftedGradeAndRarelyAlarmOnAnUnshiftedOne() {
		// a grade of 3,000 loans with PDs of 1-5 %: outcomes drawn from the PD itself, or
		// from PD x 1.5
		Rates large = rates(3_000, 300);
		// a tenth of that: the same shift is often within chance
		Rates small = rates(300, 300);
		System.out.printf(
				"Calibration, 300 seeds each: 3,000 loans %.3f false alarms, PD x 1.5 caught %.3f;"
						+ " 300 loans %.3f, %.3f%n",
				large.falseAlarms(), large.caught(), small.falseAlarms(), small.caught());

		// the test's significance is 1 %; with the mean PD standing in for mixed PDs it
		// alarms a little less often than that
		assertThat(large.falseAlarms()).as("false alarms, 3,000 loans").isLessThanOrEqualTo(0.02);
		assertThat(small.falseAlarms()).as("false alarms, 300 loans").isLessThanOrEqualTo(0.02);
		assertThat(large.caught()).as("PD x 1.5 caught, 3,000 loans").isGreaterThanOrEqualTo(0.95);
	}

	record Rates(double falseAlarms, double caught) {
	}

	private static Rates rates(int loans, int seeds) {
		int falseAlarms = 0;
		int caught = 0;
		for (int seed = 0; seed < seeds; seed++) {
			Random random = new Random(seed);
			if (verdict(drawn("A", loans, 1.0, random)) != Calibration.Verdict.IN_LINE) {
				falseAlarms++;
			}
			if (verdict(drawn("A", loans, 1.5, random)) == Calibration.Verdict.WORSE_THAN_PREDICTED) {
				caught++;
			}
		}
		return new Rates((double) falseAlarms / seeds, (double) caught / seeds);
	}

	private static Calibration.Verdict verdict(List<LoanOnBook> book) {
		return Calibration.of(book, DEFINITION, SETTINGS).grades().get(0).verdict();
	}

	private static List<LoanOnBook> drawn(String grade, int n, double shift, Random random) {
		List<LoanOnBook> loans = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double pd = 1 + 4 * random.nextDouble();
			boolean bad = random.nextDouble() < pd / 100 * shift;
			loans.add(loan(grade, pd, bad ? 5 : 12, bad ? BOOKED.plusMonths(5) : null));
		}
		return loans;
	}

	private static List<LoanOnBook> loans(String grade, double pd, int n, int bad) {
		List<LoanOnBook> loans = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			loans.add((i < bad) ? loan(grade, pd, 4, BOOKED.plusMonths(4)) : loan(grade, pd, 12, null));
		}
		return loans;
	}

	private static LoanOnBook loan(String grade, double pd, int monthsOnBook, YearMonth badMonth) {
		BookedLoan loan = new BookedLoan("loan", BOOKED, grade, "FULL_FILE", pd, "v1", "CHAMPION", "APPROVE", "rules");
		return new LoanOnBook(loan, new LoanOutcome("loan", BOOKED, monthsOnBook, LoanStatus.CURRENT, 0,
				badMonth != null, badMonth, DEFINITION.code()));
	}

	/**
	 * The exact two-sided binomial p-value, the way R's binom.test computes it: the
	 * probability of every count no more likely than the one observed. Written here from
	 * the binomial distribution itself, without Commons Math.
	 */
	private static double exactTwoSided(int n, int k, double p) {
		double observed = probability(n, k, p);
		double sum = 0;
		for (int i = 0; i <= n; i++) {
			double probability = probability(n, i, p);
			if (probability <= observed * (1 + 1e-7)) {
				sum += probability;
			}
		}
		return Math.min(1, sum);
	}

	private static double probability(int n, int k, double p) {
		double logChoose = 0;
		for (int i = 1; i <= k; i++) {
			logChoose += Math.log(n - k + i) - Math.log(i);
		}
		return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
	}

}
