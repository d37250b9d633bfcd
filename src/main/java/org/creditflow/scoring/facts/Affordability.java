package org.creditflow.scoring.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What the applicant can carry: verified income against all repayments, including the new
 * loan's. The debt service ratio (DSR, 총부채원리금상환비율) is every loan's yearly repayment over
 * yearly income.
 *
 * @param verifiedMonthlyIncome the lower of declared income and income seen in MyData
 * deposits, or declared income when no deposits are seen
 * @param incomeVerified whether MyData deposits confirm an income
 * @param existingMonthlyRepayments repayments of the loans already held
 * @param newMonthlyRepayment the requested loan's instalment at {@link #REFERENCE_RATE}
 * @param dsrPercent all repayments over income, in percent (999 without income)
 */
public record Affordability(long verifiedMonthlyIncome, boolean incomeVerified, long existingMonthlyRepayments,
		long newMonthlyRepayment, BigDecimal dsrPercent) {

	/** Annual rate at which the new loan's instalment is counted before it is priced. */
	public static final BigDecimal REFERENCE_RATE = new BigDecimal("10.0");

	private static final BigDecimal NO_INCOME_DSR = new BigDecimal("999");

	private static final BigDecimal MONTHS_TIMES_PERCENT = BigDecimal.valueOf(1200);

	public static Affordability of(long declaredAnnualIncome, long monthlyIncomeSeen, long existingMonthlyRepayments,
			long amount, int termMonths) {
		long declaredMonthly = declaredAnnualIncome / 12;
		boolean verified = monthlyIncomeSeen > 0;
		long income = verified ? Math.min(declaredMonthly, monthlyIncomeSeen) : declaredMonthly;
		long instalment = instalment(amount, REFERENCE_RATE, termMonths);
		BigDecimal dsr = (income <= 0) ? NO_INCOME_DSR
				: BigDecimal.valueOf((existingMonthlyRepayments + instalment) * 100L)
					.divide(BigDecimal.valueOf(income), 1, RoundingMode.HALF_UP);
		return new Affordability(income, verified, existingMonthlyRepayments, instalment, dsr);
	}

	/**
	 * The monthly instalment that repays {@code amount} over the term (equal payments).
	 */
	public static long instalment(long amount, BigDecimal annualRatePercent, int termMonths) {
		BigDecimal monthlyRate = annualRatePercent.divide(MONTHS_TIMES_PERCENT, MathContext.DECIMAL64);
		if (monthlyRate.signum() == 0) {
			return (amount + termMonths - 1) / termMonths;
		}
		BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(termMonths, MathContext.DECIMAL64);
		return BigDecimal.valueOf(amount)
			.multiply(monthlyRate)
			.multiply(growth)
			.divide(growth.subtract(BigDecimal.ONE), 0, RoundingMode.CEILING)
			.longValueExact();
	}

	/**
	 * The largest loan whose instalment still keeps the DSR within
	 * {@code dsrLimitPercent} at the given rate and term, in whole 10,000 KRW; 0 when
	 * there is no headroom.
	 */
	public long maxLoanAmount(BigDecimal annualRatePercent, int termMonths, int dsrLimitPercent) {
		long headroom = this.verifiedMonthlyIncome * dsrLimitPercent / 100 - this.existingMonthlyRepayments;
		if (headroom <= 0) {
			return 0;
		}
		BigDecimal monthlyRate = annualRatePercent.divide(MONTHS_TIMES_PERCENT, MathContext.DECIMAL64);
		BigDecimal principal;
		if (monthlyRate.signum() == 0) {
			principal = BigDecimal.valueOf(headroom * termMonths);
		}
		else {
			BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(termMonths, MathContext.DECIMAL64);
			principal = BigDecimal.valueOf(headroom)
				.multiply(growth.subtract(BigDecimal.ONE))
				.divide(monthlyRate.multiply(growth), MathContext.DECIMAL64);
		}
		return principal.longValue() / 10_000 * 10_000;
	}

	/** Verified income over a year, in KRW. */
	public long annualVerifiedIncome() {
		return this.verifiedMonthlyIncome * 12;
	}

	/**
	 * Whether the DSR is over {@code percent}, as rules ask:
	 * {@code Affordability(dsrAbove(40))}.
	 */
	public boolean dsrAbove(int percent) {
		return this.dsrPercent.compareTo(BigDecimal.valueOf(percent)) > 0;
	}

}
