package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.FinancialProfile.Account;
import org.creditflow.mydata.FinancialProfile.AccountType;
import org.creditflow.mydata.FinancialProfile.Card;
import org.creditflow.mydata.FinancialProfile.ExistingLoan;
import org.creditflow.mydata.FinancialProfile.LenderType;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.Applicant;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;

/**
 * Facts for rule tests, starting from an ordinary salaried applicant asking for 20
 * million KRW over 36 months; each test changes what it is about.
 */
final class Facts {

	int age = 36;

	long annualIncome = 48_000_000;

	long amount = 20_000_000;

	int termMonths = 36;

	FinancialProfile financial = prime();

	TelecomProfile telecom = goodTelecom();

	boolean telecomConsented = true;

	static FinancialProfile prime() {
		return new FinancialProfile(List.of(new Account(AccountType.DEPOSIT, 12_000_000)), 4_000_000,
				List.of(new ExistingLoan(LenderType.BANK, 6_000_000, 200_000)),
				List.of(new Card(10_000_000, 2_000_000)), 0, 0, false, 0, 120, 910);
	}

	static FinancialProfile thinFile() {
		return new FinancialProfile(List.of(new Account(AccountType.DEPOSIT, 2_000_000)), 3_000_000, List.of(),
				List.of(), 0, 0, false, 0, 0, 600);
	}

	static TelecomProfile goodTelecom() {
		return new TelecomProfile("SKT", true, 72, 24, 0, 0, 70_000, 500_000, 0, 0, 10_000, false);
	}

	static TelecomProfile badTelecom() {
		return new TelecomProfile("MVNO", true, 10, 6, 250_000, 2, 90_000, 900_000, 1, 2, 300_000, false);
	}

	Facts age(int age) {
		this.age = age;
		return this;
	}

	Facts income(long annualIncome) {
		this.annualIncome = annualIncome;
		return this;
	}

	Facts amount(long amount) {
		this.amount = amount;
		return this;
	}

	Facts financial(FinancialProfile financial) {
		this.financial = financial;
		return this;
	}

	Facts telecom(TelecomProfile telecom) {
		this.telecom = telecom;
		return this;
	}

	List<Object> build() {
		List<Object> facts = new ArrayList<>();
		facts.add(new Applicant(this.age, EmploymentType.SALARIED, this.annualIncome));
		facts.add(new LoanRequest(LoanProduct.PERSONAL_CREDIT, this.amount, this.termMonths, LoanPurpose.LIVING));
		long seen = (this.financial != null) ? this.financial.monthlyIncomeSeen() : 0;
		long repayments = (this.financial != null) ? this.financial.monthlyRepayments() : 0;
		facts.add(Affordability.of(this.annualIncome, seen, repayments, this.amount, this.termMonths));
		facts.add(new DataAvailability(true, this.financial != null, this.telecomConsented, this.telecom != null));
		if (this.financial != null) {
			facts.add(this.financial);
		}
		if (this.telecom != null) {
			facts.add(this.telecom);
		}
		return facts;
	}

}
