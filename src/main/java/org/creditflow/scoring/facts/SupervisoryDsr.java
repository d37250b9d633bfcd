package org.creditflow.scoring.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LoanKind;

import org.springframework.lang.Nullable;

/**
 * The debt service ratio as the Financial Services Commission computes it for the DSR
 * limit (총부채원리금상환비율): a year's repayments of every loan over a year's income. A credit
 * loan (신용대출) counts as repaid in equal principal over the deemed maturity
 * ({@code dsr.credit.deemed.months}, 5 years) whatever its real term, with interest at
 * its contract rate; an overdraft line (마이너스통장) the same at its limit, used or not; a
 * loan repaid on its own schedule (a mortgage, an instalment) at what it costs. The
 * stress DSR adds {@code dsr.stress.rate.percent} to the rate of variable-rate credit
 * loans and lines once they exceed {@code dsr.stress.credit.above} together. The loan
 * applied for is a credit loan, counted the same way at the reference rate before it is
 * priced.
 *
 * <p>
 * Derived by the ruleset from the other facts and its policy at every evaluation (so a
 * replay computes it again), and what the DSR knock-out, the limit and the officer's
 * check read. {@link Affordability#dsrPercent()} stays what the fitted scorecard was
 * fitted on.
 *
 * @param monthlyIncome verified monthly income
 * @param existingMonthlyRepayments the loans already held, by this method
 * @param newMonthlyRepayment the loan applied for, by this method at the reference rate
 * @param stressed whether the stress add-on applies (to the new loan as to the others)
 * @param dsrPercent all of it over income, in percent (999 without income)
 */
public record SupervisoryDsr(long monthlyIncome, long existingMonthlyRepayments, long newMonthlyRepayment,
		boolean stressed, BigDecimal dsrPercent, Policy.DsrMethod method) {

	private static final BigDecimal NO_INCOME = new BigDecimal("999");

	private static final BigDecimal MONTHS_TIMES_PERCENT = BigDecimal.valueOf(1200);

	public static SupervisoryDsr of(Policy.DsrMethod method, Affordability affordability, LoanRequest loan,
			@Nullable FinancialProfile financial) {
		List<ExistingLoan> loans = (financial != null) ? financial.loans() : List.of();
		if (financial == null) {
			// what an officer verified, or nothing: the repayments as the affordability
			// has them
			loans = (affordability.existingMonthlyRepayments() > 0) ? List
				.of(new ExistingLoan(FinancialProfile.LenderType.BANK, 0, affordability.existingMonthlyRepayments()))
					: List.of();
		}
		long creditPrincipal = loan.amount()
				+ loans.stream().filter((existing) -> isCredit(existing)).mapToLong(SupervisoryDsr::principal).sum();
		boolean stressed = method.stressRatePercent().signum() > 0 && creditPrincipal > method.stressCreditAbove();
		long existing = loans.stream().mapToLong((existing1) -> monthly(existing1, method, stressed)).sum();
		BigDecimal newRate = Affordability.REFERENCE_RATE
			.add((stressed && method.newLoanVariableRate()) ? method.stressRatePercent() : BigDecimal.ZERO);
		long newLoan = creditMonthly(loan.amount(), newRate, method.creditDeemedMonths());
		long income = affordability.verifiedMonthlyIncome();
		BigDecimal dsr = (income <= 0) ? NO_INCOME : BigDecimal.valueOf((existing + newLoan) * 100L)
			.divide(BigDecimal.valueOf(income), 1, RoundingMode.HALF_UP);
		return new SupervisoryDsr(income, existing, newLoan, stressed, dsr, method);
	}

	/**
	 * The largest new loan that keeps this DSR within {@code dsrLimitPercent} at the
	 * given rate (before the stress add-on), in whole 10,000 KRW; 0 when there is no
	 * headroom.
	 */
	public long maxLoanAmount(BigDecimal annualRatePercent, int dsrLimitPercent) {
		long headroom = this.monthlyIncome * dsrLimitPercent / 100 - this.existingMonthlyRepayments;
		if (headroom <= 0) {
			return 0;
		}
		BigDecimal rate = annualRatePercent.add((this.stressed && this.method.newLoanVariableRate())
				? this.method.stressRatePercent() : BigDecimal.ZERO);
		// a credit loan's month costs principal / deemed + principal x rate / 1200, so
		// the
		// principal is headroom x 1200 x deemed / (1200 + rate x deemed), computed
		// exactly
		BigDecimal deemed = BigDecimal.valueOf(this.method.creditDeemedMonths());
		return BigDecimal.valueOf(headroom)
			.multiply(MONTHS_TIMES_PERCENT)
			.multiply(deemed)
			.divide(MONTHS_TIMES_PERCENT.add(rate.multiply(deemed)), MathContext.DECIMAL64)
			.longValue() / 10_000 * 10_000;
	}

	/**
	 * Whether the DSR is over {@code percent}, as rules ask:
	 * {@code SupervisoryDsr(above(40))}.
	 */
	public boolean above(int percent) {
		return this.dsrPercent.compareTo(BigDecimal.valueOf(percent)) > 0;
	}

	private static boolean isCredit(ExistingLoan loan) {
		return (loan.kind() == LoanKind.CREDIT || loan.kind() == LoanKind.OVERDRAFT) && loan.annualRate() != null;
	}

	/** An overdraft line counts at its limit, used or not. */
	private static long principal(ExistingLoan loan) {
		return (loan.kind() == LoanKind.OVERDRAFT) ? Math.max(loan.creditLimit(), loan.balance()) : loan.balance();
	}

	private static long monthly(ExistingLoan loan, Policy.DsrMethod method, boolean stressed) {
		if (!isCredit(loan)) {
			return loan.monthlyRepayment();
		}
		BigDecimal rate = loan.annualRate()
			.add((stressed && loan.variableRate()) ? method.stressRatePercent() : BigDecimal.ZERO);
		return creditMonthly(principal(loan), rate, method.creditDeemedMonths());
	}

	/**
	 * Equal principal over the deemed months, and a month's interest on the principal.
	 */
	static long creditMonthly(long principal, BigDecimal annualRatePercent, int deemedMonths) {
		return BigDecimal.valueOf(principal)
			.divide(BigDecimal.valueOf(deemedMonths), MathContext.DECIMAL64)
			.add(BigDecimal.valueOf(principal)
				.multiply(annualRatePercent)
				.divide(MONTHS_TIMES_PERCENT, MathContext.DECIMAL64))
			.setScale(0, RoundingMode.CEILING)
			.longValueExact();
	}

}
