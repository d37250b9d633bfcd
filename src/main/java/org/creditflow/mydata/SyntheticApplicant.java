package org.creditflow.mydata;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanPurpose;

import org.springframework.lang.Nullable;

/**
 * One applicant drawn from the {@link Population}: what they declared and asked for, what
 * the MyData providers hold on them, whether each source could be fetched, and the truth
 * the lender never sees at the time of the decision — their probability of default and
 * whether they did.
 *
 * @param creditworthiness the latent standard-normal variable everything else is drawn
 * from (higher is safer)
 * @param declaredAnnualIncome what the applicant declared, KRW
 * @param financialAvailable false when the bank data could not be fetched
 * @param telecomConsented whether the applicant consented to telecom data
 * @param telecomAvailable false when consented telecom data could not be fetched
 * @param financial what the financial providers hold; drawn even when unavailable
 * @param telecom what the carrier holds; drawn even without consent
 * @param thinFile a thin file by the bureaus' definition
 * ({@link FinancialProfile#thinFile()})
 * @param truePd the probability of going 90+ days past due within 12 months
 * @param bad whether they did
 */
public record SyntheticApplicant(double creditworthiness, int age, EmploymentType employmentType,
		long declaredAnnualIncome, long amount, int termMonths, LoanPurpose purpose, boolean financialAvailable,
		boolean telecomConsented, boolean telecomAvailable, FinancialProfile financial, TelecomProfile telecom,
		boolean thinFile, double truePd, boolean bad) {

	/** The financial data the lender sees: none when it could not be fetched. */
	@Nullable
	public FinancialProfile financialSeen() {
		return this.financialAvailable ? this.financial : null;
	}

	/** The telecom data the lender sees: none without consent or when it failed. */
	@Nullable
	public TelecomProfile telecomSeen() {
		return (this.telecomConsented && this.telecomAvailable) ? this.telecom : null;
	}

}
