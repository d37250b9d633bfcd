package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.Applicant;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;

import org.springframework.lang.Nullable;

/**
 * Everything an assessment starts from: what the applicant declared and asked for, which
 * sources they consented to, and the MyData that could be fetched. One place turns it
 * into the rules' facts, for the service's assessments and for backtests alike.
 *
 * @param age full years on the day of the assessment
 * @param financial null when it could not be fetched
 * @param telecom null without consent or when it could not be fetched
 */
public record AssessmentInput(int age, EmploymentType employmentType, long declaredAnnualIncome, LoanProduct product,
		long amount, int termMonths, LoanPurpose purpose, boolean financialConsented,
		@Nullable FinancialProfile financial, boolean telecomConsented, @Nullable TelecomProfile telecom) {

	/** The facts the ruleset takes (the policy comes from the ruleset itself). */
	public List<Object> facts() {
		List<Object> facts = new ArrayList<>();
		facts.add(new Applicant(this.age, this.employmentType, this.declaredAnnualIncome));
		facts.add(new LoanRequest(this.product, this.amount, this.termMonths, this.purpose));
		facts.add(Affordability.of(this.declaredAnnualIncome,
				(this.financial != null) ? this.financial.monthlyIncomeSeen() : 0,
				(this.financial != null) ? this.financial.monthlyRepayments() : 0, this.amount, this.termMonths));
		facts.add(new DataAvailability(this.financialConsented, this.financial != null, this.telecomConsented,
				this.telecom != null));
		if (this.financial != null) {
			facts.add(this.financial);
		}
		if (this.telecom != null) {
			facts.add(this.telecom);
		}
		return facts;
	}

}
