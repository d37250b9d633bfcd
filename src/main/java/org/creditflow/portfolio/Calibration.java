package org.creditflow.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.BinomialDistribution;

import org.springframework.lang.Nullable;

/**
 * Expected against observed bad rate per grade: the loans whose performance window has
 * ended (or that went bad before it did), their mean PD at decision, how many went bad,
 * and an exact two-sided binomial test of that count against the mean PD. A grade is out
 * of line when the test's p-value is below the significance set; a grade with fewer loans
 * than the minimum is not judged.
 */
final class Calibration {

	enum Verdict {

		/** The observed bad rate is what the PD leads one to expect. */
		IN_LINE,

		/** More loans went bad than the PD predicts, beyond chance. */
		WORSE_THAN_PREDICTED,

		/** Fewer loans went bad than the PD predicts, beyond chance. */
		BETTER_THAN_PREDICTED,

		/** Too few loans with a finished window to judge. */
		TOO_FEW

	}

	/**
	 * One grade's calibration.
	 *
	 * @param loans loans of the grade whose window has ended or that went bad
	 * @param expectedBadRate their mean PD at decision, as a fraction
	 * @param observedBadRate the share of them that went bad
	 * @param pValue the two-sided binomial test's p-value, or null when not judged
	 */
	record Grade(String grade, int loans, int bad, double expectedBadRate, double observedBadRate,
			@Nullable Double pValue, Verdict verdict) {
	}

	record Report(String definition, double significance, int minimumLoans, List<Grade> grades) {
	}

	private Calibration() {
	}

	static Report of(List<LoanOnBook> book, BadDefinition definition, PortfolioProperties.Calibration settings) {
		Map<String, List<LoanOnBook>> byGrade = new TreeMap<>();
		for (LoanOnBook loan : book) {
			boolean judged = loan.outcome().bad() || loan.outcome().monthsOnBook() >= definition.withinMonths();
			if (judged && loan.loan().grade() != null && loan.loan().pdPercent() != null) {
				byGrade.computeIfAbsent(loan.loan().grade(), (grade) -> new ArrayList<>()).add(loan);
			}
		}
		List<Grade> grades = byGrade.entrySet()
			.stream()
			.map((grade) -> grade(grade.getKey(), grade.getValue(), settings))
			.toList();
		return new Report(definition.code(), settings.significance(), settings.minimumLoans(), grades);
	}

	private static Grade grade(String grade, List<LoanOnBook> loans, PortfolioProperties.Calibration settings) {
		int n = loans.size();
		int bad = (int) loans.stream().filter((loan) -> loan.outcome().bad()).count();
		double expected = loans.stream()
			.mapToDouble((loan) -> Objects.requireNonNull(loan.loan().pdPercent()) / 100)
			.average()
			.orElse(0);
		double observed = (double) bad / n;
		if (n < settings.minimumLoans()) {
			return new Grade(grade, n, bad, expected, observed, null, Verdict.TOO_FEW);
		}
		double p = pValue(n, bad, expected);
		Verdict verdict = (p >= settings.significance()) ? Verdict.IN_LINE
				: (observed > expected) ? Verdict.WORSE_THAN_PREDICTED : Verdict.BETTER_THAN_PREDICTED;
		return new Grade(grade, n, bad, expected, observed, p, verdict);
	}

	/**
	 * The exact two-sided binomial test of {@code bad} in {@code n} against {@code pd}:
	 * the probability of every count no more likely than the one observed (as R's
	 * {@code binom.test}). Commons Math's own {@code BinomialTest} is not used: version
	 * 3.6.1 answers more than 1 for a count at the distribution's mode (1.16 for 6 of 200
	 * at 3 %).
	 */
	static double pValue(int n, int bad, double pd) {
		if (pd <= 0) {
			return (bad == 0) ? 1 : 0;
		}
		if (pd >= 1) {
			return (bad == n) ? 1 : 0;
		}
		BinomialDistribution distribution = new BinomialDistribution(null, n, pd);
		// counts within a relative 1e-7 of the observed one's probability count as
		// equally
		// likely, so rounding does not drop the mirror image of the observed count
		double observed = distribution.probability(bad) * (1 + 1e-7);
		double sum = 0;
		for (int count = 0; count <= n; count++) {
			double probability = distribution.probability(count);
			if (probability <= observed) {
				sum += probability;
			}
		}
		return Math.min(1, sum);
	}

}
