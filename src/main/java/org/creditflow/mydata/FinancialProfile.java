package org.creditflow.mydata;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

import org.springframework.lang.Nullable;

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

	/**
	 * A loan the applicant is repaying, as the provider reports it. The supervisor's DSR
	 * counts a credit loan or an overdraft line by its principal and contract rate, not
	 * by what is repaid today: the provider's {@code kind}, {@code annualRate} and, for
	 * an overdraft, {@code creditLimit}. A loan reported without them (older providers,
	 * older records) counts at its reported repayment.
	 *
	 * @param monthlyRepayment what the applicant repays each month now
	 * @param kind null when the provider does not say
	 * @param annualRate the contract rate in percent; null when not reported
	 * @param creditLimit an overdraft line's limit; 0 for other loans
	 * @param variableRate whether the rate floats, as reported (the supervisor's DSR
	 * stresses only the loan applied for, so no rule reads it today)
	 */
	@JsonDeserialize(builder = ExistingLoan.Reported.class)
	public record ExistingLoan(LenderType lenderType, long balance, long monthlyRepayment, @Nullable LoanKind kind,
			@Nullable BigDecimal annualRate, long creditLimit, boolean variableRate) {

		/** A loan reported by its repayment only. */
		public ExistingLoan(LenderType lenderType, long balance, long monthlyRepayment) {
			this(lenderType, balance, monthlyRepayment, null, null, 0, false);
		}

		/**
		 * A loan as JSON reports it: lender, balance and repayment required (a provider
		 * that leaves one out sent a broken answer), the terms optional (older providers
		 * and records have none). A builder, since strict readers refuse any missing
		 * constructor property.
		 */
		@JsonPOJOBuilder(withPrefix = "")
		static final class Reported {

			@Nullable
			private LenderType lenderType;

			@Nullable
			private Long balance;

			@Nullable
			private Long monthlyRepayment;

			@Nullable
			private LoanKind kind;

			@Nullable
			private BigDecimal annualRate;

			private long creditLimit;

			private boolean variableRate;

			Reported lenderType(LenderType lenderType) {
				this.lenderType = lenderType;
				return this;
			}

			Reported balance(long balance) {
				this.balance = balance;
				return this;
			}

			Reported monthlyRepayment(long monthlyRepayment) {
				this.monthlyRepayment = monthlyRepayment;
				return this;
			}

			Reported kind(@Nullable LoanKind kind) {
				this.kind = kind;
				return this;
			}

			Reported annualRate(@Nullable BigDecimal annualRate) {
				this.annualRate = annualRate;
				return this;
			}

			Reported creditLimit(long creditLimit) {
				this.creditLimit = creditLimit;
				return this;
			}

			Reported variableRate(boolean variableRate) {
				this.variableRate = variableRate;
				return this;
			}

			ExistingLoan build() {
				if (this.lenderType == null || this.balance == null || this.monthlyRepayment == null) {
					throw new IllegalArgumentException("a loan needs lenderType, balance and monthlyRepayment");
				}
				return new ExistingLoan(this.lenderType, this.balance, this.monthlyRepayment, this.kind,
						this.annualRate, this.creditLimit, this.variableRate);
			}

		}

	}

	/** What kind of loan the supervisor's DSR method sees. */
	public enum LoanKind {

		/** 신용대출: counted as repaid over the deemed maturity, whatever its term. */
		CREDIT,
		/** 마이너스통장: a credit line, counted at its limit like a credit loan. */
		OVERDRAFT,
		/**
		 * A loan repaid on its own schedule (mortgage, instalment): counted as reported.
		 */
		SCHEDULED

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
