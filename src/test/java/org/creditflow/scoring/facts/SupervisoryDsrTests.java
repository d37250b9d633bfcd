package org.creditflow.scoring.facts;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LenderType;
import org.creditflow.mydata.FinancialProfile.LoanKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worked examples of docs/credit-model.md, "DSR as the supervisor computes it": the
 * Financial Services Commission's method applied by hand, step by step, and by
 * {@link SupervisoryDsr}, and the supervisor's own simulations of the stress DSR. The
 * method as policy.properties ships it: credit loans and lines over 60 months, a 1.5
 * point stress add-on on a variable-rate credit loan applied for once credit exceeds 100
 * million.
 */
class SupervisoryDsrTests {

	private static final Policy.DsrMethod METHOD = new Policy.DsrMethod(60, new BigDecimal("1.5"), 100_000_000, true,
			Policy.NewLoanRepayment.CREDIT);

	private static final LoanRequest TWENTY_MILLION = new LoanRequest(LoanProduct.PERSONAL_CREDIT, 20_000_000, 36,
			LoanPurpose.LIVING);

	/** As strict as the MyData client: a missing constructor property is an error. */
	private static final ObjectMapper STRICT = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

	@Test
	void shouldCountACreditLoanOverTheDeemedFiveYearsWhateverItsTerm() {
		// example 1: 5 million a month; a mortgage costing 1.2 million; a one-year credit
		// loan of 30 million at 6 % fixed; 20 million asked for
		SupervisoryDsr dsr = dsr(5_000_000,
				new ExistingLoan(LenderType.BANK, 250_000_000, 1_200_000, LoanKind.SCHEDULED, new BigDecimal("4.2"), 0,
						false),
				new ExistingLoan(LenderType.BANK, 30_000_000, 150_000, LoanKind.CREDIT, new BigDecimal("6"), 0, false));

		// the mortgage as it costs; the credit loan 30,000,000 / 60 + 30,000,000 x 6 % /
		// 12
		assertThat(dsr.existingMonthlyRepayments()).isEqualTo(1_200_000 + 500_000 + 150_000);
		// the new loan at the 10 % reference rate: 20,000,000 / 60 + 20,000,000 x 10 % /
		// 12
		assertThat(dsr.newMonthlyRepayment()).isEqualTo(500_000);
		// 2,350,000 over 5,000,000
		assertThat(dsr.dsrPercent()).isEqualByComparingTo("47.0");
		assertThat(dsr.above(40)).isTrue();
		assertThat(dsr.stressed()).isFalse();
		// 40 % leaves 2,000,000 - 1,850,000 = 150,000 a month; each won costs 1/60 + 10
		// %/12
		assertThat(dsr.maxLoanAmount(new BigDecimal("10"), 40)).isEqualTo(6_000_000);
	}

	@Test
	void shouldCountAnOverdraftLineAtItsLimitUsedOrNot() {
		// example 2: 4 million a month; a 50 million line at 7 %, 10 million of it used
		SupervisoryDsr dsr = dsr(4_000_000, new ExistingLoan(LenderType.BANK, 10_000_000, 58_334, LoanKind.OVERDRAFT,
				new BigDecimal("7"), 50_000_000, false));

		// 50,000,000 / 60 + 50,000,000 x 7 % / 12
		assertThat(dsr.existingMonthlyRepayments()).isEqualTo(1_125_000);
		// (1,125,000 + 500,000) / 4,000,000
		assertThat(dsr.dsrPercent()).isEqualByComparingTo("40.6");
		assertThat(dsr.above(40)).isTrue();
	}

	@Test
	void shouldAddTheStressRateToAVariableCreditLoanAppliedForOnceCreditExceedsTheThreshold() {
		// example 3: 10 million a month; a 90 million credit loan at 5 % variable: with
		// the 20 million asked, 110 million of credit, over 100 million
		SupervisoryDsr dsr = dsr(10_000_000,
				new ExistingLoan(LenderType.BANK, 90_000_000, 375_000, LoanKind.CREDIT, new BigDecimal("5"), 0, true));

		assertThat(dsr.stressed()).isTrue();
		// the loan held at its contract rate: 90,000,000 / 60 + 90,000,000 x 5 % / 12
		assertThat(dsr.existingMonthlyRepayments()).isEqualTo(1_500_000 + 375_000);
		// the loan applied for: 20,000,000 / 60 + 20,000,000 x (10 + 1.5) % / 12
		assertThat(dsr.newMonthlyRepayment()).isEqualTo(525_000);
		assertThat(dsr.dsrPercent()).isEqualByComparingTo("24.0");
		// the same applicant with 70 million of credit, 90 million in all: no add-on
		SupervisoryDsr below = dsr(10_000_000,
				new ExistingLoan(LenderType.BANK, 70_000_000, 291_667, LoanKind.CREDIT, new BigDecimal("5"), 0, true));
		assertThat(below.stressed()).isFalse();
		// 70,000,000 / 60 + 70,000,000 x 5 % / 12, then 500,000 for the new loan
		assertThat(below.existingMonthlyRepayments()).isEqualTo(1_458_334);
		assertThat(below.newMonthlyRepayment()).isEqualTo(500_000);
	}

	/**
	 * The Financial Services Commission's own simulation of stage 3 (published with the
	 * plan of 2025-05-20, as the press reported it; docs/credit-model.md): the most a
	 * borrower with no other debt can borrow on a 30-year variable-rate loan repaid in
	 * equal instalments, at the 40 % limit. 100 million a year: 658 million without the
	 * add-on, 556 million with stage 3's 1.5 points; 50 million a year: 329 and 278. The
	 * report gives no rate; 4.5 % is the one at which all four come out.
	 */
	@Test
	void shouldGiveTheSupervisorsStageThreeLimitsForAVariableThirtyYearLoan() {
		assertThat(instalmentLoanLimit(100_000_000, "4.5", BigDecimal.ZERO)).isEqualTo(657_870_000)
			.satisfies((limit) -> assertThat(millions(limit)).isEqualTo(658));
		assertThat(instalmentLoanLimit(100_000_000, "4.5", new BigDecimal("1.5"))).isEqualTo(555_970_000)
			.satisfies((limit) -> assertThat(millions(limit)).isEqualTo(556));
		assertThat(instalmentLoanLimit(50_000_000, "4.5", BigDecimal.ZERO)).isEqualTo(328_930_000)
			.satisfies((limit) -> assertThat(millions(limit)).isEqualTo(329));
		assertThat(instalmentLoanLimit(50_000_000, "4.5", new BigDecimal("1.5"))).isEqualTo(277_980_000)
			.satisfies((limit) -> assertThat(millions(limit)).isEqualTo(278));
	}

	/**
	 * The same simulation for a borrower in the capital region at 4.2 % (Newsis,
	 * 2025-07-01): 590 million with stage 2's 1.2 points for the region, 570 million with
	 * stage 3's 1.5, in tens of millions as published.
	 */
	@Test
	void shouldGiveTheSupervisorsCapitalRegionLimitsOfStagesTwoAndThree() {
		assertThat(instalmentLoanLimit(100_000_000, "4.2", new BigDecimal("1.2"))).isEqualTo(593_610_000)
			.satisfies((limit) -> assertThat(limit / 10_000_000).isEqualTo(59));
		assertThat(instalmentLoanLimit(100_000_000, "4.2", new BigDecimal("1.5"))).isEqualTo(574_310_000)
			.satisfies((limit) -> assertThat(limit / 10_000_000).isEqualTo(57));
	}

	@Test
	void shouldCountAnInstalmentLoanAppliedForAtItsInstalmentWithTheAddOnWhateverTheAmount() {
		Policy.DsrMethod instalments = new Policy.DsrMethod(60, new BigDecimal("1.5"), 100_000_000, true,
				Policy.NewLoanRepayment.INSTALMENTS);
		LoanRequest loan = new LoanRequest(LoanProduct.PERSONAL_CREDIT, 12_000_000, 24, LoanPurpose.LIVING);

		SupervisoryDsr dsr = SupervisoryDsr.of(instalments,
				Affordability.of(36_000_000, 3_000_000, 0, loan.amount(), loan.termMonths()), loan, null);

		// 12 million is far below the credit threshold, yet a variable instalment loan is
		// stressed: 12,000,000 x r / (1 - (1 + r)^-24), r = 11.5 % / 12, is 562,083.78
		assertThat(dsr.stressed()).isTrue();
		assertThat(dsr.newMonthlyRepayment()).isEqualTo(562_084);
		assertThat(dsr.dsrPercent()).isEqualByComparingTo("18.7");
	}

	@Test
	void shouldCountALoanReportedWithoutItsTermsAsReported() {
		// older providers and records: kind, rate and limit unknown
		SupervisoryDsr dsr = dsr(5_000_000, new ExistingLoan(LenderType.CAPITAL, 6_000_000, 200_000));

		assertThat(dsr.existingMonthlyRepayments()).isEqualTo(200_000);
		assertThat(dsr.dsrPercent()).isEqualByComparingTo("14.0");
	}

	@Test
	void shouldReadALoanWithOrWithoutItsTermsButNeverWithoutItsRepayment() throws Exception {
		assertThat(STRICT.readValue("{\"lenderType\": \"BANK\", \"balance\": 6000000, \"monthlyRepayment\": 200000}",
				ExistingLoan.class))
			.isEqualTo(new ExistingLoan(LenderType.BANK, 6_000_000, 200_000));
		ExistingLoan line = new ExistingLoan(LenderType.BANK, 10_000_000, 58_334, LoanKind.OVERDRAFT,
				new BigDecimal("7.5"), 50_000_000, true);
		assertThat(STRICT.readValue(STRICT.writeValueAsString(line), ExistingLoan.class)).isEqualTo(line);
		assertThatThrownBy(
				() -> STRICT.readValue("{\"lenderType\": \"BANK\", \"balance\": 6000000}", ExistingLoan.class))
			.hasMessageContaining("monthlyRepayment");
	}

	/**
	 * The most a borrower earning {@code annualIncome} and owing nothing may borrow over
	 * 30 years in equal instalments at a variable {@code rate}, with {@code addOn}.
	 */
	private static long instalmentLoanLimit(long annualIncome, String rate, BigDecimal addOn) {
		Policy.DsrMethod method = new Policy.DsrMethod(60, addOn, 0, true, Policy.NewLoanRepayment.INSTALMENTS);
		LoanRequest thirtyYears = new LoanRequest(LoanProduct.PERSONAL_CREDIT, 100_000_000, 360, LoanPurpose.LIVING);
		Affordability affordability = Affordability.of(annualIncome, annualIncome / 12, 0, thirtyYears.amount(),
				thirtyYears.termMonths());
		return SupervisoryDsr.of(method, affordability, thirtyYears, null).maxLoanAmount(new BigDecimal(rate), 40);
	}

	private static long millions(long amount) {
		return Math.round(amount / 1_000_000.0);
	}

	private static SupervisoryDsr dsr(long monthlyIncome, ExistingLoan... loans) {
		FinancialProfile financial = new FinancialProfile(List.of(), monthlyIncome, List.of(loans), List.of(), 0, 0,
				false, 0, 120, 900);
		Affordability affordability = Affordability.of(monthlyIncome * 12, monthlyIncome, financial.monthlyRepayments(),
				TWENTY_MILLION.amount(), TWENTY_MILLION.termMonths());
		return SupervisoryDsr.of(METHOD, affordability, TWENTY_MILLION, financial);
	}

}
