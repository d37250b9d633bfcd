package org.creditflow.portfolio;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.creditflow.application.LoanProduct;
import org.creditflow.mydata.Population;
import org.creditflow.mydata.SyntheticApplicant;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.AssessmentInput;
import org.creditflow.scoring.DevelopmentSample;
import org.creditflow.scoring.Outcome;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stability figures on applicants drawn from the synthetic population the default
 * scorecards were fitted on (rules/scorecards/README.md): unshifted months over many
 * seeds, and months with one thing drawn from another distribution.
 */
class StabilityTallyTests {

	private static final Ruleset RULES = RulesetCompiler.compileFolder(Path.of("rules"));

	private static final DevelopmentSample SAMPLE = RULES.developmentSample().orElseThrow();

	private static final PortfolioProperties.Stability THRESHOLDS = new PortfolioProperties.Stability(0.10, 0.25, 200,
			12, Duration.ofMinutes(5));

	private static final YearMonth MONTH = YearMonth.of(2026, 11);

	/** As the lending history the scorecards were fitted on was drawn. */
	private static final Population POPULATION = new Population(0.6);

	@Test
	void unshiftedMonthsRaiseNoAlarmOverManySeeds() {
		int seeds = 40;
		int applicants = 3_000;
		List<Stability.Index> indices = new ArrayList<>();
		for (long seed = 1; seed <= seeds; seed++) {
			Stability.Month month = month(1_000 + seed, applicants, UnaryOperator.identity());
			month.segments().forEach((segment) -> indices.addAll(all(segment)));
			indices.add(month.segmentMix());
		}
		long judged = indices.stream().filter((index) -> index.status() != Stability.Status.TOO_FEW).count();
		long watch = indices.stream().filter((index) -> index.status() == Stability.Status.WATCH).count();
		long shift = indices.stream().filter((index) -> index.status() == Stability.Status.SHIFT).count();
		double largest = indices.stream()
			.filter((index) -> index.status() != Stability.Status.TOO_FEW)
			.mapToDouble(Stability.Index::value)
			.max()
			.orElseThrow();
		System.out.printf("Unshifted, %d months of %,d applicants: %d indices judged, %d watch, %d shift, "
				+ "largest judged %.4f%n", seeds, applicants, judged, watch, shift, largest);

		assertThat(judged).isGreaterThan(seeds * 20L);
		assertThat(shift).isZero();
		assertThat(watch).isZero();
	}

	@Test
	void tenureDrawnFromAnotherDistributionIsAShift() {
		Stability.Month month = month(7, 3_000, (applicant) -> withTenure(applicant, 1 + (int) (applicant.age() % 18)));

		for (String segment : List.of("FULL_FILE", "THIN_FILE")) {
			Stability.Segment stability = segment(month, segment);
			assertThat(index(stability, "TelecomProfile.monthsOfTenure").status()).isEqualTo(Stability.Status.SHIFT);
			assertThat(index(stability, "FinancialProfile.bureauScore").status()).isEqualTo(Stability.Status.STABLE);
		}
	}

	@Test
	void youngerApplicantsShiftTheSegmentMixThatNoSegmentSees() {
		Stability.Month month = month(12, 3_000,
				(applicant) -> POPULATION.draw(
						new SplittableRandom(Double.doubleToLongBits(applicant.creditworthiness())),
						19 + applicant.age() % 7));

		System.out.printf("Applicants aged 19 to 25: segment mix %.3f, thin-file score %.3f, full-file score %.3f%n",
				month.segmentMix().value(), segment(month, "THIN_FILE").score().value(),
				segment(month, "FULL_FILE").score().value());
		assertThat(month.segmentMix().status()).isEqualTo(Stability.Status.SHIFT);
		// within a segment the young look like everyone else of it: the population draws
		// their files from their creditworthiness, their age decides which file they have
		assertThat(segment(month, "THIN_FILE").score().status()).isEqualTo(Stability.Status.STABLE);
		assertThat(segment(month, "FULL_FILE").score().status()).isEqualTo(Stability.Status.STABLE);
		assertThat(month.segmentMix().bins()).extracting(Stability.BinShare::bin)
			.containsExactly("FINANCIAL_ONLY", "FULL_FILE", "THIN_FILE");
	}

	@Test
	void aValueNeverSeenInDevelopmentHasABinOfItsOwn() {
		// a development sample of postpaid customers only, for every segment
		DevelopmentSample postpaidOnly = new DevelopmentSample(
				List.of(new DevelopmentSample.Distribution("", "TelecomProfile.postpaid",
						List.of(new DevelopmentSample.Bin("postpaid", null, null, List.of("1"), false, 1_000)))));
		StabilityTally tally = new StabilityTally(postpaidOnly, (version) -> true, THRESHOLDS);
		add(tally, 8, 1_000, UnaryOperator.identity());

		Stability.Segment all = tally.months(Map.of()).get(0).segments().get(0);
		Stability.Index postpaid = index(all, "TelecomProfile.postpaid");
		assertThat(postpaid.bins()).extracting(Stability.BinShare::bin)
			.containsExactly("postpaid", StabilityTally.NOT_IN_DEVELOPMENT);
		assertThat(postpaid.bins().get(1).expected()).isZero();
		assertThat(postpaid.bins().get(1).actual()).isPositive();
		assertThat(postpaid.status()).isEqualTo(Stability.Status.SHIFT);
	}

	@Test
	void scoresOfAnotherScorecardAreNotCompared() {
		StabilityTally tally = new StabilityTally(SAMPLE, (version) -> false, THRESHOLDS);
		add(tally, 9, 500, UnaryOperator.identity());

		Stability.Segment full = segment(tally.months(Map.of()).get(0), "FULL_FILE");
		assertThat(full.score().applications()).isZero();
		assertThat(full.score().value()).isNull();
		assertThat(full.score().status()).isEqualTo(Stability.Status.TOO_FEW);
		assertThat(index(full, "FinancialProfile.bureauScore").applications()).isEqualTo(full.applications());
	}

	@Test
	void aSegmentWithFewApplicationsIsShownNotJudged() {
		Stability.Month month = month(10, 150, UnaryOperator.identity());

		Stability.Segment full = segment(month, "FULL_FILE");
		assertThat(full.applications()).isPositive().isLessThan(THRESHOLDS.minimumApplications());
		assertThat(full.score().value()).isNotNull();
		assertThat(full.score().status()).isEqualTo(Stability.Status.TOO_FEW);
	}

	@Test
	void countsBandsAndDecisionsForTheApprovalRate() {
		StabilityTally tally = new StabilityTally(SAMPLE, (version) -> true, THRESHOLDS);
		add(tally, 11, 400, UnaryOperator.identity());
		tally.month(MONTH.plusMonths(1));

		List<Stability.Month> months = tally.months(Map.of(MONTH, new long[] { 30, 10 }));

		Stability.Month first = months.get(0);
		assertThat(first.applications()).isEqualTo(400);
		assertThat(first.approvedByRules() + first.referred() + first.declinedByRules()).isEqualTo(400);
		assertThat(first.rulesApprovalRate()).isEqualTo(first.approvedByRules() / 400.0);
		assertThat(first.approvalRate()).isEqualTo(0.75);
		Stability.Month empty = months.get(1);
		assertThat(empty.applications()).isZero();
		assertThat(empty.rulesApprovalRate()).isNull();
		assertThat(empty.approvalRate()).isNull();
		assertThat(empty.segments())
			.allSatisfy((segment) -> assertThat(segment.score().status()).isEqualTo(Stability.Status.TOO_FEW));
	}

	private static Stability.Month month(long seed, int applicants, UnaryOperator<SyntheticApplicant> shift) {
		StabilityTally tally = new StabilityTally(SAMPLE, (version) -> true, THRESHOLDS);
		add(tally, seed, applicants, shift);
		return tally.months(Map.of()).get(0);
	}

	private static void add(StabilityTally tally, long seed, int applicants, UnaryOperator<SyntheticApplicant> shift) {
		SplittableRandom rows = new SplittableRandom(seed);
		for (int i = 0; i < applicants; i++) {
			SyntheticApplicant applicant = shift.apply(POPULATION.draw(rows.split()));
			List<Object> facts = new AssessmentInput(applicant.age(), applicant.employmentType(),
					applicant.declaredAnnualIncome(), LoanProduct.PERSONAL_CREDIT, applicant.amount(),
					applicant.termMonths(), applicant.purpose(), true, applicant.financialSeen(),
					applicant.telecomConsented(), applicant.telecomSeen())
				.facts();
			Outcome outcome = RULES.decide(facts);
			tally.add(MONTH, RULES.version(), facts, outcome);
		}
	}

	private static SyntheticApplicant withTenure(SyntheticApplicant applicant, int months) {
		TelecomProfile t = applicant.telecom();
		TelecomProfile shifted = new TelecomProfile(t.carrier(), t.postpaid(), months, t.onTimePaymentMonths(),
				t.unpaidAmount(), t.monthsOverdue(), t.averageMonthlyBill(), t.deviceInstalmentBalance(),
				t.deviceInstalmentArrearsMonths(), t.numberChanges24m(), t.microPaymentMonthlyAverage(),
				t.familyPlan());
		return new SyntheticApplicant(applicant.creditworthiness(), applicant.age(), applicant.employmentType(),
				applicant.declaredAnnualIncome(), applicant.amount(), applicant.termMonths(), applicant.purpose(),
				applicant.financialAvailable(), applicant.telecomConsented(), applicant.telecomAvailable(),
				applicant.financial(), shifted, applicant.thinFile(), applicant.truePd(), applicant.bad());
	}

	private static List<Stability.Index> all(Stability.Segment segment) {
		List<Stability.Index> all = new ArrayList<>(segment.characteristics());
		all.add(segment.score());
		return all;
	}

	private static Stability.Segment segment(Stability.Month month, String name) {
		return month.segments().stream().filter((segment) -> segment.segment().equals(name)).findFirst().orElseThrow();
	}

	private static Stability.Index index(Stability.Segment segment, String characteristic) {
		return segment.characteristics()
			.stream()
			.filter((index) -> index.characteristic().equals(characteristic))
			.findFirst()
			.orElseThrow();
	}

}
