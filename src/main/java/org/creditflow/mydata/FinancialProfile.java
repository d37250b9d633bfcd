package org.creditflow.mydata;

import java.util.List;

/**
 * An applicant's financial MyData: accounts, income seen in deposits, loans, cards and
 * credit history. Amounts are KRW. The fields are documented for the risk team in
 * {@code rules/README.md}; rules read them by these names.
 *
 * @param monthlyIncomeSeen average monthly salary or business income seen in deposits
 * over the last 6 months (0 when none is seen)
 * @param shortTermDelinquencies arrears of 5 to 90 days in the last 12 months
 * @param longTermDelinquencies arrears of more than 90 days in the last 5 years
 * @param activeDelinquency whether any credit line is in arrears today
 * @param creditInquiries credit applications with other lenders in the last 6 months
 * @param monthsSinceFirstCreditLine age of the oldest loan or credit card; 0 when there
 * has never been one
 * @param bureauScore the credit bureau's score, 1 to 1000
 * @param monthsSinceCardUse months since a credit card was last used: 0 when one is in
 * use now, {@value #NEVER} when none ever was
 * @param monthsSinceLoan months since a loan was last held: 0 when one is held now,
 * {@value #NEVER} when none ever was
 */
public record FinancialProfile(List<Account> accounts, long monthlyIncomeSeen, List<ExistingLoan> loans,
		List<Card> cards, int shortTermDelinquencies, int longTermDelinquencies, boolean activeDelinquency,
		int creditInquiries, int monthsSinceFirstCreditLine, int bureauScore, int monthsSinceCardUse,
		int monthsSinceLoan) {

	/** The months since a card use or a loan that never happened. */
	public static final int NEVER = 999;

	/** No card used for two years... */
	public static final int THIN_FILE_CARD_MONTHS = 24;

	/** ...and no loan for three: the bureaus' thin file. */
	public static final int THIN_FILE_LOAN_MONTHS = 36;

	public FinancialProfile {
		accounts = List.copyOf(accounts);
		loans = List.copyOf(loans);
		cards = List.copyOf(cards);
	}

	/**
	 * A profile whose cards and loans are in use today. Profiles recorded before the
	 * last-use months existed read back this way too (their missing months are 0), which
	 * keeps their thin-file reading, and so their replays, unchanged.
	 */
	public FinancialProfile(List<Account> accounts, long monthlyIncomeSeen, List<ExistingLoan> loans, List<Card> cards,
			int shortTermDelinquencies, int longTermDelinquencies, boolean activeDelinquency, int creditInquiries,
			int monthsSinceFirstCreditLine, int bureauScore) {
		this(accounts, monthlyIncomeSeen, loans, cards, shortTermDelinquencies, longTermDelinquencies,
				activeDelinquency, creditInquiries, monthsSinceFirstCreditLine, bureauScore, 0, 0);
	}

	/** A deposit or savings account. */
	public record Account(AccountType type, long balance) {
	}

	public enum AccountType {

		DEPOSIT, SAVINGS, INVESTMENT

	}

	/** A loan the applicant is repaying. */
	public record ExistingLoan(LenderType lenderType, long balance, long monthlyRepayment) {
	}

	/** Banks (1금융권) or the other lenders, whose customers are statistically riskier. */
	public enum LenderType {

		BANK, SAVINGS_BANK, CARD_COMPANY, CAPITAL, P2P

	}

	/** A credit card with its limit and what is used of it. */
	public record Card(long creditLimit, long used) {
	}

	public long totalBalance() {
		return this.accounts.stream().mapToLong(Account::balance).sum();
	}

	public long loanBalance() {
		return this.loans.stream().mapToLong(ExistingLoan::balance).sum();
	}

	/** What the existing loans cost each month; the DSR counts it. */
	public long monthlyRepayments() {
		return this.loans.stream().mapToLong(ExistingLoan::monthlyRepayment).sum();
	}

	public int nonBankLoans() {
		return (int) this.loans.stream().filter((loan) -> loan.lenderType() != LenderType.BANK).count();
	}

	/** Used share of all card limits, 0 to 100; 0 without cards. */
	public int cardUtilizationPercent() {
		long limit = this.cards.stream().mapToLong(Card::creditLimit).sum();
		long used = this.cards.stream().mapToLong(Card::used).sum();
		return (limit == 0) ? 0 : (int) Math.min(100, used * 100 / limit);
	}

	/**
	 * A thin file as Korean credit bureaus define it: no credit line ever, or no card
	 * used in two years and no loan held in three. Bank data alone cannot judge this
	 * applicant.
	 */
	public boolean thinFile() {
		return this.monthsSinceFirstCreditLine == 0
				|| (this.monthsSinceCardUse >= THIN_FILE_CARD_MONTHS && this.monthsSinceLoan >= THIN_FILE_LOAN_MONTHS);
	}

}
