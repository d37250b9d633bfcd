package org.creditflow.backtest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.SyntheticApplicant;
import org.creditflow.mydata.TelecomProfile;

import org.springframework.lang.Nullable;

/**
 * The lending-history CSV: one row per application, its columns documented one by one in
 * {@code rules/README.md} ("Lending history"). The generator writes it and the backtest
 * reads it, so a bank can export its own history into it. Lists the rules read through
 * their totals (loans, cards, accounts) are written as those totals.
 */
final class HistoryFormat {

	static final List<String> APPLICATION = List.of("id", "age", "employmentType", "declaredAnnualIncome", "product",
			"amount", "termMonths", "purpose", "financialConsented", "financialAvailable", "telecomConsented",
			"telecomAvailable");

	/** Empty when the bank data was not available. */
	static final List<String> FINANCIAL = List.of("monthlyIncomeSeen", "accountBalance", "loanCount", "nonBankLoans",
			"loanBalance", "monthlyRepayments", "cardCount", "cardLimit", "cardUsed", "shortTermDelinquencies",
			"longTermDelinquencies", "activeDelinquency", "creditInquiries", "monthsSinceFirstCreditLine",
			"monthsSinceCardUse", "monthsSinceLoan", "bureauScore");

	/** Empty without consent or when the telecom data was not available. */
	static final List<String> TELECOM = List.of("carrier", "postpaid", "monthsOfTenure", "onTimePaymentMonths",
			"unpaidAmount", "monthsOverdue", "averageMonthlyBill", "deviceInstalmentBalance",
			"deviceInstalmentArrearsMonths", "numberChanges24m", "microPaymentMonthlyAverage", "familyPlan");

	/** Empty when unknown. */
	static final List<String> OUTCOME = List.of("bad", "truePd", "segment");

	static final List<String> COLUMNS = Stream.of(APPLICATION, FINANCIAL, TELECOM, OUTCOME)
		.flatMap(List::stream)
		.toList();

	private HistoryFormat() {
	}

	static String header() {
		return String.join(",", COLUMNS);
	}

	/** The row of a synthetic applicant, with what the lender saw and the truth. */
	static String row(String id, SyntheticApplicant applicant) {
		StringBuilder row = new StringBuilder(320);
		row.append(id).append(',').append(applicant.age()).append(',').append(applicant.employmentType()).append(',');
		row.append(applicant.declaredAnnualIncome()).append(",PERSONAL_CREDIT,").append(applicant.amount());
		row.append(',').append(applicant.termMonths()).append(',').append(applicant.purpose());
		row.append(",true,").append(applicant.financialAvailable()).append(',');
		row.append(applicant.telecomConsented()).append(',').append(applicant.telecomAvailable());
		financial(row, applicant.financialSeen());
		telecom(row, applicant.telecomSeen());
		row.append(',').append(applicant.bad() ? 1 : 0);
		row.append(',').append(String.format(Locale.ROOT, "%.6f", applicant.truePd()));
		row.append(',').append(applicant.thinFile() ? HistoryCase.THIN_FILE : HistoryCase.FULL_FILE);
		return row.toString();
	}

	private static void financial(StringBuilder row, @Nullable FinancialProfile financial) {
		if (financial == null) {
			row.append(",".repeat(FINANCIAL.size()));
			return;
		}
		long cardLimit = financial.cards().stream().mapToLong(FinancialProfile.Card::creditLimit).sum();
		long cardUsed = financial.cards().stream().mapToLong(FinancialProfile.Card::used).sum();
		append(row, financial.monthlyIncomeSeen(), financial.totalBalance(), financial.loans().size(),
				financial.nonBankLoans(), financial.loanBalance(), financial.monthlyRepayments(),
				financial.cards().size(), cardLimit, cardUsed, financial.shortTermDelinquencies(),
				financial.longTermDelinquencies(), financial.activeDelinquency(), financial.creditInquiries(),
				financial.monthsSinceFirstCreditLine(), financial.monthsSinceCardUse(), financial.monthsSinceLoan(),
				financial.bureauScore());
	}

	private static void telecom(StringBuilder row, @Nullable TelecomProfile telecom) {
		if (telecom == null) {
			row.append(",".repeat(TELECOM.size()));
			return;
		}
		append(row, telecom.carrier(), telecom.postpaid(), telecom.monthsOfTenure(), telecom.onTimePaymentMonths(),
				telecom.unpaidAmount(), telecom.monthsOverdue(), telecom.averageMonthlyBill(),
				telecom.deviceInstalmentBalance(), telecom.deviceInstalmentArrearsMonths(), telecom.numberChanges24m(),
				telecom.microPaymentMonthlyAverage(), telecom.familyPlan());
	}

	private static void append(StringBuilder row, Object... values) {
		for (Object value : values) {
			row.append(',').append(value);
		}
	}

}
