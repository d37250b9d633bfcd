package org.creditflow.portfolio;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.creditflow.portfolio.OfficerDecision.Override;
import org.creditflow.portfolio.OfficerDecision.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Overrides counted by kind, officer and reason, and the loans approved against the score
 * set against what the rules predicted for them.
 */
class OverridesTests {

	private static final BadDefinition DEFINITION = new BadDefinition(90, 12);

	private static final YearMonth BOOKED = YearMonth.of(2025, 1);

	@Test
	void shouldCountOverridesByKindOfficerAndReason() {
		List<OfficerDecision> decisions = List.of(
				decision("kim", true, Side.DECLINE_SIDE, EnumSet.of(Override.APPROVED_AGAINST_SCORE), null, 9.0, null),
				decision("kim", true, Side.BORDERLINE, EnumSet.noneOf(Override.class), null, 6.0, null),
				decision("park", false, Side.APPROVE_SIDE, EnumSet.of(Override.DECLINED_AGAINST_SCORE),
						"OFFICER_INCOME_DOUBT", 3.0, null),
				decision("park", true, Side.BORDERLINE, EnumSet.of(Override.BETTER_TERMS), null, 5.0, null));

		Overrides.Report report = Overrides.of(decisions, DEFINITION);

		assertThat(report.reviewed()).isEqualTo(4);
		assertThat(report.overridden()).isEqualTo(3);
		assertThat(report.overrideRate()).isEqualTo(0.75);
		assertThat(report.byKind()).containsEntry(Override.APPROVED_AGAINST_SCORE, 1)
			.containsEntry(Override.DECLINED_AGAINST_SCORE, 1)
			.containsEntry(Override.BETTER_TERMS, 1);
		assertThat(report.byOfficer())
			.extracting(Overrides.Count::key, Overrides.Count::reviewed, Overrides.Count::overridden)
			.containsExactly(tuple("kim", 2, 1), tuple("park", 2, 2));
		assertThat(report.byReason()).extracting(Overrides.Count::key, Overrides.Count::overridden)
			.containsExactly(tuple("OFFICER_INCOME_DOUBT", 1), tuple(Overrides.APPROVAL, 2));
	}

	@Test
	void shouldSetTheLoansApprovedAgainstTheScoreAgainstTheirPrediction() {
		List<OfficerDecision> decisions = new ArrayList<>();
		// ten approved against the score at a PD of 10 %: four went bad, one is too young
		for (int i = 0; i < 10; i++) {
			LoanOutcome outcome = (i < 4) ? outcome(true, 6) : outcome(false, (i == 9) ? 5 : 12);
			decisions.add(decision("kim", true, Side.DECLINE_SIDE, EnumSet.of(Override.APPROVED_AGAINST_SCORE), null,
					10.0, outcome));
		}
		// five approved as the rules would have, none bad
		for (int i = 0; i < 5; i++) {
			decisions.add(decision("kim", true, Side.BORDERLINE, EnumSet.noneOf(Override.class), null, 6.0,
					outcome(false, 12)));
		}

		List<Overrides.Performance> performance = Overrides.of(decisions, DEFINITION).performance();

		Overrides.Performance against = performance.get(0);
		assertThat(against.loans()).isEqualTo("approved against the score");
		assertThat(against.approved()).isEqualTo(10);
		assertThat(against.judged()).isEqualTo(9);
		assertThat(against.bad()).isEqualTo(4);
		assertThat(against.predictedBadRate()).isCloseTo(0.10, within(1e-12));
		assertThat(against.observedBadRate()).isCloseTo(4 / 9.0, within(1e-12));
		assertThat(performance.get(1).approved()).isZero();
		assertThat(performance.get(1).observedBadRate()).isNull();
		assertThat(performance.get(2).observedBadRate()).isZero();
	}

	private static OfficerDecision decision(String officer, boolean approved, Side side, Set<Override> overrides,
			String reason, double pd, LoanOutcome outcome) {
		return new OfficerDecision("app-" + officer, officer, approved, side, overrides, reason, pd, outcome);
	}

	private static LoanOutcome outcome(boolean bad, int monthsOnBook) {
		return new LoanOutcome("loan", BOOKED, monthsOnBook, bad ? LoanStatus.DEFAULTED : LoanStatus.CURRENT,
				bad ? 120 : 0, bad, bad ? BOOKED.plusMonths(4) : null, DEFINITION.code());
	}

}
