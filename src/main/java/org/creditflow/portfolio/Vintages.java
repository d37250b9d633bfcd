package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.lang.Nullable;

/**
 * Cumulative bad rate by booking month and months on book: for each vintage (the loans
 * booked in one month, optionally split by grade, segment, ruleset version or role) and
 * each month on book {@code k} of the window, the share of the loans observed that long
 * which had gone bad by month {@code k}. A loan that went bad stays counted as bad at
 * every later month; a loan not yet reported {@code k} months after booking is left out
 * of month {@code k}, so a young vintage is not taken for a good one.
 */
final class Vintages {

	/** What the vintages can be split by. */
	enum By {

		NONE((loan) -> "all"), GRADE(BookedLoan::grade), SEGMENT(BookedLoan::segment),
		RULESET_VERSION(BookedLoan::rulesetVersion), RULESET_ROLE(BookedLoan::rulesetRole);

		private final Function<BookedLoan, String> key;

		By(Function<BookedLoan, String> key) {
			this.key = key;
		}

		String of(BookedLoan loan) {
			String value = this.key.apply(loan);
			return (value != null) ? value : "unknown";
		}

	}

	/**
	 * One vintage.
	 *
	 * @param observedLoans for each month on book from 0, the loans observed that long
	 * @param cumulativeBadRate for each month on book from 0, the share of those bad by
	 * then; null where no loan was observed that long
	 */
	record Vintage(YearMonth bookedMonth, String group, int loans, List<Integer> observedLoans,
			List<Double> cumulativeBadRate) {
	}

	record Report(String by, String definition, List<Vintage> vintages) {
	}

	private Vintages() {
	}

	static Report of(List<LoanOnBook> book, BadDefinition definition, By by) {
		Map<YearMonth, Map<String, List<LoanOutcome>>> groups = new TreeMap<>();
		for (LoanOnBook loan : book) {
			groups.computeIfAbsent(loan.loan().bookedMonth(), (month) -> new TreeMap<>())
				.computeIfAbsent(by.of(loan.loan()), (group) -> new ArrayList<>())
				.add(loan.outcome());
		}
		List<Vintage> vintages = new ArrayList<>();
		groups.forEach((month, byGroup) -> byGroup
			.forEach((group, outcomes) -> vintages.add(vintage(month, group, outcomes, definition.withinMonths()))));
		vintages.sort(Comparator.comparing(Vintage::bookedMonth).thenComparing(Vintage::group));
		return new Report(by.name(), definition.code(), vintages);
	}

	private static Vintage vintage(YearMonth booked, String group, List<LoanOutcome> outcomes, int window) {
		List<Integer> observed = new ArrayList<>();
		List<Double> rates = new ArrayList<>();
		for (int k = 0; k <= window; k++) {
			int seen = 0;
			int bad = 0;
			for (LoanOutcome outcome : outcomes) {
				Integer badAt = badMonthsOnBook(booked, outcome);
				boolean badByNow = badAt != null && badAt <= k;
				if (badByNow || outcome.monthsOnBook() >= k) {
					seen++;
					bad += badByNow ? 1 : 0;
				}
			}
			observed.add(seen);
			rates.add((seen > 0) ? (double) bad / seen : null);
		}
		return new Vintage(booked, group, outcomes.size(), observed, rates);
	}

	@Nullable
	private static Integer badMonthsOnBook(YearMonth booked, LoanOutcome outcome) {
		return (outcome.badMonth() != null) ? BadDefinition.monthsOnBook(booked, outcome.badMonth()) : null;
	}

}
