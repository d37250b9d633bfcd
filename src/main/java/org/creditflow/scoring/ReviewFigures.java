package org.creditflow.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;
import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.SupervisoryDsr;

import org.springframework.lang.Nullable;

/**
 * The facts behind an assessment as an officer needs them on the review screen, read from
 * what the assessment recorded (not from the data as it may be now).
 *
 * @param financial null when the assessment had no bank data
 * @param telecom null when the assessment had no telecom data
 */
public record ReviewFigures(LoanRequest loan, Affordability affordability, DataAvailability availability,
		@Nullable FinancialProfile financial, @Nullable TelecomProfile telecom, Policy policy) {

	/**
	 * The largest limit the DSR limit allows at this rate, the DSR counted as the
	 * supervisor does: an officer may not lend beyond it, whatever the rules offered.
	 */
	public long policyMaximum(BigDecimal annualRatePercent) {
		return Math.min(this.loan.amount(), supervisoryDsr().maxLoanAmount(annualRatePercent, dsrLimitPercent()));
	}

	public int dsrLimitPercent() {
		return this.policy.dsrLimitPercent();
	}

	/** The DSR as the supervisor computes it, as the limit checks it. */
	public SupervisoryDsr supervisoryDsr() {
		return SupervisoryDsr.of(this.policy.dsrMethod(), this.affordability, this.loan, this.financial);
	}

	/** Whether the bank data could not be fetched (or was not consented to). */
	public boolean bankDataMissing() {
		return this.financial == null;
	}

	/**
	 * The same figures with the income and the existing repayments an officer verified
	 * from documents in place of the missing bank data: the income counts up to what the
	 * applicant declared, the repayments as verified.
	 */
	public ReviewFigures withVerified(long monthlyIncome, long monthlyRepayments) {
		Affordability verified = Affordability.of(this.affordability.verifiedMonthlyIncome() * 12, monthlyIncome,
				monthlyRepayments, this.loan.amount(), this.loan.termMonths());
		// what the officer verified stands for the missing bank data
		return new ReviewFigures(this.loan, verified, this.availability, null, this.telecom, this.policy);
	}

	public long verifiedMonthlyIncome() {
		return this.affordability.verifiedMonthlyIncome();
	}

	/** Whether deposits confirm the income, or it is only what the applicant declared. */
	public boolean incomeVerified() {
		return this.affordability.incomeVerified();
	}

	/**
	 * Every repayment, the new loan's at the reference rate included, over income, as the
	 * supervisor counts them.
	 */
	public BigDecimal dsrPercent() {
		return supervisoryDsr().dsrPercent();
	}

	/** What the assessment could not see, in words; empty when it saw everything. */
	public List<String> dataGaps() {
		return List
			.of(gap("Bank data", this.availability.financialConsented(), this.financial != null),
					gap("Telecom data", this.availability.telecomConsented(), this.telecom != null))
			.stream()
			.filter((gap) -> !gap.isEmpty())
			.toList();
	}

	private static String gap(String source, boolean consented, boolean present) {
		if (!consented) {
			return source + ": no consent, not used";
		}
		return present ? "" : source + ": provider unavailable, not used";
	}

}
