package org.creditflow.scoring;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.FinancialProfile.LenderType;
import org.creditflow.scoring.facts.ReasonHit;
import org.creditflow.scoring.facts.Scoresheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default ruleset in {@code rules/}, run on facts as the service would build them.
 */
class CreditRulesTests {

	static Ruleset ruleset;

	@BeforeAll
	static void compileRules() throws IOException {
		ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RuleFiles.fromFolder(Path.of("rules")), "rules");
	}

	@Test
	void shouldApproveAPrimeApplicantForWhatTheyAsked() {
		Scoresheet sheet = ruleset.evaluate(new Facts().build());

		assertThat(sheet.getBand()).isEqualTo("APPROVE");
		assertThat(sheet.getGrade()).isEqualTo("A");
		assertThat(sheet.getOfferLimit()).isEqualTo(20_000_000);
		assertThat(sheet.getOfferRate()).isEqualByComparingTo("7.6");
		// nothing but the points even a prime applicant falls short of the best bins by
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::category)
			.containsOnly(ReasonHit.Category.FINANCIAL, ReasonHit.Category.TELECOM);
	}

	@Test
	void shouldDeclineAnApplicantUnderTheAgeOfMajority() {
		Scoresheet sheet = ruleset.evaluate(new Facts().age(18).build());

		assertThat(sheet.getBand()).isEqualTo("DECLINE");
		assertThat(sheet.adverseReasons()).first().extracting(ReasonHit::code).isEqualTo("AGE_BELOW_MINIMUM");
		assertThat(sheet.getOfferLimit()).isNull();
	}

	@Test
	void shouldAcceptAnApplicantOnTheirNineteenthYear() {
		assertThat(ruleset.evaluate(new Facts().age(19).build()).getBand()).isEqualTo("APPROVE");
	}

	@Test
	void shouldDeclineWhenRepaymentsExceedTheDsrLimitAndNoSmallerLoanFits() {
		// 580,000 a month already: 40 % of 1.5 million leaves 20,000, not enough for the
		// product's smallest loan (1 million) even at the legal maximum rate
		Scoresheet sheet = ruleset.evaluate(new Facts().income(18_000_000)
			.financial(new FinancialProfile(Facts.prime().accounts(), 1_500_000,
					List.of(new FinancialProfile.ExistingLoan(LenderType.BANK, 20_000_000, 580_000)),
					Facts.prime().cards(), 0, 0, false, 0, 120, 910))
			.build());

		assertThat(sheet.getBand()).isEqualTo("DECLINE");
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code).first().isEqualTo("DSR_OVER_LIMIT");
	}

	@Test
	void shouldOfferTheLargestLoanThatFitsWhenOnlyTheAmountAskedBreaksTheDsrLimit() {
		// 20 million over 36 months costs about 645,000 a month: over 40 % of 1.5
		// million,
		// but a smaller loan fits beside the 200,000 already repaid
		Scoresheet sheet = ruleset.evaluate(new Facts().income(18_000_000)
			.financial(new FinancialProfile(Facts.prime().accounts(), 1_500_000, Facts.prime().loans(),
					Facts.prime().cards(), 0, 0, false, 0, 120, 910))
			.build());

		assertThat(sheet.getBand()).isNotEqualTo("DECLINE");
		assertThat(sheet.getHits()).extracting(ReasonHit::code)
			.contains("LIMIT_REDUCED_DSR")
			.doesNotContain("DSR_OVER_LIMIT");
		// the largest that fits as the supervisor counts it: 40 % of 1.5 million less the
		// 200,000, over 1/60 of the principal and a month's interest at the offered rate
		long fits = BigDecimal.valueOf(400_000L * 1200 * 60)
			.divide(BigDecimal.valueOf(1200).add(sheet.getOfferRate().multiply(BigDecimal.valueOf(60))),
					java.math.MathContext.DECIMAL64)
			.longValue() / 10_000 * 10_000;
		assertThat(sheet.getOfferLimit()).isLessThan(20_000_000).isEqualTo(fits);
	}

	@Test
	void shouldDeclineACustomerInArrearsToday() {
		FinancialProfile prime = Facts.prime();
		Scoresheet sheet = ruleset.evaluate(new Facts()
			.financial(new FinancialProfile(prime.accounts(), prime.monthlyIncomeSeen(), prime.loans(), prime.cards(),
					1, 0, true, 0, 120, 910))
			.build());

		assertThat(sheet.getBand()).isEqualTo("DECLINE");
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code).contains("ACTIVE_DELINQUENCY");
	}

	@Test
	void shouldApproveAThinFilerOnAGoodTelecomRecordThatBankDataAloneWouldRefuse() {
		Scoresheet withTelecom = ruleset.evaluate(new Facts().financial(Facts.thinFile()).build());
		Scoresheet bankDataOnly = ruleset.evaluate(new Facts().financial(Facts.thinFile()).telecom(null).build());

		assertThat(withTelecom.getSegment()).isEqualTo("THIN_FILE");
		assertThat(withTelecom.getBand()).isEqualTo("APPROVE");
		assertThat(bankDataOnly.getSegment()).isEqualTo("FINANCIAL_ONLY");
		assertThat(bankDataOnly.getBand()).isNotEqualTo("APPROVE");
		assertThat(bankDataOnly.adverseReasons()).extracting(ReasonHit::code).contains("TELECOM_DATA_UNAVAILABLE");
	}

	@Test
	void shouldDeclineAThinFilerWhoPaysPhoneBillsLate() {
		Scoresheet sheet = ruleset
			.evaluate(new Facts().financial(Facts.thinFile()).telecom(Facts.badTelecom()).build());

		assertThat(sheet.getBand()).isEqualTo("DECLINE");
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code)
			.contains("LOW_SCORE", "SC_TELCO_PAYMENTS", "SC_TELCO_TENURE");
	}

	@Test
	void shouldReferWhenFinancialDataIsMissing() {
		Scoresheet sheet = ruleset.evaluate(new Facts().financial(null).build());

		assertThat(sheet.getBand()).isEqualTo("REFER");
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code).first().isEqualTo("FINANCIAL_DATA_UNAVAILABLE");
	}

	@Test
	void shouldReferABorderlineScoreWithAnIndicativeOffer() {
		FinancialProfile average = new FinancialProfile(Facts.prime().accounts(), 4_000_000, Facts.prime().loans(),
				List.of(new FinancialProfile.Card(10_000_000, 6_000_000)), 0, 0, false, 0, 120, 560);
		Scoresheet sheet = ruleset.evaluate(new Facts().financial(average).build());

		assertThat(sheet.getBand()).isEqualTo("REFER");
		assertThat(sheet.getGrade()).isEqualTo("D");
		assertThat(sheet.getPd()).isBetween(4.0, 8.0);
		assertThat(sheet.getOfferRate()).isEqualByComparingTo("11.8");
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code).first().isEqualTo("BORDERLINE_SCORE");
	}

	@Test
	void shouldCutTheLimitToTheDsrHeadroomAtTheOfferedRateAndSaySo() {
		// within 40 % at the 10 % reference rate, but not at grade D's 11.8 %: 1 million
		// of
		// headroom carries 40 million at 10 %, 37.7 million at 11.8 % (credit loans count
		// over 60 months)
		Scoresheet sheet = ruleset.evaluate(new Facts().amount(38_500_000)
			.income(60_000_000)
			.financial(new FinancialProfile(Facts.prime().accounts(), 5_000_000,
					List.of(new FinancialProfile.ExistingLoan(FinancialProfile.LenderType.BANK, 30_000_000, 1_000_000)),
					List.of(new FinancialProfile.Card(10_000_000, 6_000_000)), 0, 0, false, 0, 120, 560))
			.build());

		assertThat(sheet.getBand()).isEqualTo("REFER");
		assertThat(sheet.getOfferRate()).isEqualByComparingTo("11.8");
		assertThat(sheet.getOfferLimit()).isLessThan(38_500_000).isGreaterThan(37_000_000);
		assertThat(sheet.adverseReasons()).extracting(ReasonHit::code).contains("LIMIT_REDUCED_DSR");
	}

	@Test
	void shouldNeverPriceAboveTheLegalMaximumRate() {
		for (int bureau = 300; bureau <= 1000; bureau += 50) {
			Scoresheet sheet = ruleset.evaluate(new Facts()
				.financial(new FinancialProfile(Facts.prime().accounts(), 4_000_000, Facts.prime().loans(),
						Facts.prime().cards(), 0, 0, false, 0, 120, bureau))
				.build());
			if (sheet.getOfferRate() != null) {
				assertThat(sheet.getOfferRate()).isLessThanOrEqualTo(new BigDecimal("20"));
			}
		}
	}

	@Test
	void shouldKeepEveryScoreWithinOneToOneThousand() {
		Scoresheet worst = ruleset.evaluate(new Facts()
			.financial(new FinancialProfile(Facts.prime().accounts(), 4_000_000, Facts.prime().loans(),
					Facts.prime().cards(), 5, 2, false, 9, 0, 1))
			.telecom(Facts.badTelecom())
			.build());

		assertThat(worst.getScore()).isBetween(1, 1000);
	}

}
