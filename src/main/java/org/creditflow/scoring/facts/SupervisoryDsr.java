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
 * loan repaid on its own schedule (a mortgage, an instalment) at what it costs. The loan
 * applied for counts as the policy's {@link Policy.NewLoanRepayment} says, at the
 * reference rate before it is priced, and the stress DSR adds
 * {@code dsr.stress.rate.percent} to its rate when that rate is variable (a credit loan
 * only once the applicant's credit exceeds {@code dsr.stress.credit.above}). Loans held
 * already count at their contract rates: the add-on is a margin on the new loan's limit.
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
 * @param newLoanTermMonths the term of the loan applied for
 * @param stressed whether the stress add-on applies to the loan applied for
 * @param dsrPercent all of it over income, in percent (999 without income)
 * @param method the policy's method
 */
public record SupervisoryDsr(long monthlyIncome, long existingMonthlyRepayments, long newMonthlyRepayment,
		int newLoanTermMonths, boolean stressed, BigDecimal dsrPercent, Policy.DsrMethod method) {

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
		long existing = loans.stream().mapToLong((held) -> monthly(held, method)).sum();
		boolean stressed = method.stressRatePercent().signum() > 0 && method.newLoanVariableRate()
				&& (method.newLoanRepayment() == Policy.NewLoanRepayment.INSTALMENTS
						|| creditPrincipal(loans) + loan.amount() > method.stressCreditAbove());
		BigDecimal newRate = Affordability.REFERENCE_RATE.add(stressed ? method.stressRatePercent() : BigDecimal.ZERO);
		long newLoan = newLoanMonthly(method, loan.amount(), newRate, loan.termMonths());
		long income = affordability.verifiedMonthlyIncome();
		BigDecimal dsr = (income <= 0) ? NO_INCOME : BigDecimal.valueOf((existing + newLoan) * 100L)
			.divide(BigDecimal.valueOf(income), 1, RoundingMode.HALF_UP);
		return new SupervisoryDsr(income, existing, newLoan, loan.termMonths(), stressed, dsr, method);
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
		BigDecimal rate = annualRatePercent.add(this.stressed ? this.method.stressRatePercent() : BigDecimal.ZERO);
		// an instalment is principal x r / (1 - (1 + r)^-n), so the principal is headroom
		// over the instalment of one won; a credit loan's month costs principal / deemed
		// + principal x rate / 1200, so the principal is headroom x 1200 x deemed / (1200
		// + rate x deemed)
		BigDecimal deemed = BigDecimal.valueOf(this.method.creditDeemedMonths());
		BigDecimal principal = (this.method.newLoanRepayment() == Policy.NewLoanRepayment.INSTALMENTS)
				? BigDecimal.valueOf(headroom)
					.divide(instalmentPerWon(rate, this.newLoanTermMonths), MathContext.DECIMAL64)
				: BigDecimal.valueOf(headroom)
					.multiply(MONTHS_TIMES_PERCENT)
					.multiply(deemed)
					.divide(MONTHS_TIMES_PERCENT.add(rate.multiply(deemed)), MathContext.DECIMAL64);
		return principal.longValue() / 10_000 * 10_000;
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

	private static long creditPrincipal(List<ExistingLoan> loans) {
		return loans.stream().filter(SupervisoryDsr::isCredit).mapToLong(SupervisoryDsr::principal).sum();
	}

	/** An overdraft line counts at its limit, used or not. */
	private static long principal(ExistingLoan loan) {
		return (loan.kind() == LoanKind.OVERDRAFT) ? Math.max(loan.creditLimit(), loan.balance()) : loan.balance();
	}

	private static long monthly(ExistingLoan loan, Policy.DsrMethod method) {
		return isCredit(loan) ? creditMonthly(principal(loan), loan.annualRate(), method.creditDeemedMonths())
				: loan.monthlyRepayment();
	}

	private static long newLoanMonthly(Policy.DsrMethod method, long amount, BigDecimal annualRatePercent,
			int termMonths) {
		if (method.newLoanRepayment() == Policy.NewLoanRepayment.INSTALMENTS) {
			return BigDecimal.valueOf(amount)
				.multiply(instalmentPerWon(annualRatePercent, termMonths))
				.setScale(0, RoundingMode.CEILING)
				.longValueExact();
		}
		return creditMonthly(amount, annualRatePercent, method.creditDeemedMonths());
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

	/**
	 * The monthly instalment of one won lent over {@code months} at the yearly rate: r /
	 * (1 - (1 + r)^-n) with r the monthly rate, 1 / n without interest.
	 */
	static BigDecimal instalmentPerWon(BigDecimal annualRatePercent, int months) {
		BigDecimal monthly = annualRatePercent.divide(MONTHS_TIMES_PERCENT, MathContext.DECIMAL64);
		if (monthly.signum() == 0) {
			return BigDecimal.ONE.divide(BigDecimal.valueOf(months), MathContext.DECIMAL64);
		}
		BigDecimal discount = BigDecimal.ONE.divide(BigDecimal.ONE.add(monthly).pow(months, MathContext.DECIMAL64),
				MathContext.DECIMAL64);
		return monthly.divide(BigDecimal.ONE.subtract(discount), MathContext.DECIMAL64);
	}

}
