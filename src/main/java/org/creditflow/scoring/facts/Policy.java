package org.creditflow.scoring.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.creditflow.application.LoanProduct;

import org.springframework.lang.Nullable;

/**
 * The credit policy's numbers, from {@code rules/policy.properties}: the risk team
 * changes a cut-off there without touching a rule. Every assessment sees this fact.
 *
 * @param minimumAge the age of majority: younger applicants are declined
 * @param dsrLimitPercent the highest debt service ratio allowed, new loan included
 * @param dsrWarningPercent above this the financial scorecard takes points off
 * @param telecomUnpaidKnockoutAmount unpaid phone bills of at least this much (KRW)...
 * @param telecomUnpaidKnockoutMonths ...overdue this many months or more decline
 * @param scoreBase the score at which the odds are {@code scoreOdds} good to 1 bad
 * @param gradeA the lowest score of grade A (and so on for B, C, D; below D is E), for
 * rulesets that grade on scores (0 when the policy grades on PD)
 * @param products the amount and term each product allows
 * @param risk the fitted scorecards' scale, master scale, PD cut-offs and pricing; null
 * in a policy written before them
 * @param legalMaximumRatePercent the highest annual rate a lender may charge
 * ({@code rate.legal.maximum.percent}): no offer, no officer's rate above it
 * @param dsrMethod how the supervisor counts repayments for the DSR limit
 */
public record Policy(int minimumAge, int dsrLimitPercent, int dsrWarningPercent, long telecomUnpaidKnockoutAmount,
		int telecomUnpaidKnockoutMonths, int scoreBase, int gradeA, int gradeB, int gradeC, int gradeD,
		Map<LoanProduct, ProductRange> products, @Nullable RiskScale risk, BigDecimal legalMaximumRatePercent,
		DsrMethod dsrMethod) {

	/**
	 * The Financial Services Commission's way of counting repayments for the DSR limit
	 * ({@code dsr.*} in policy.properties), which {@link SupervisoryDsr} applies.
	 *
	 * @param creditDeemedMonths credit loans and overdraft lines count as repaid in equal
	 * principal over this many months (5 years), whatever their term
	 * @param stressRatePercent the stress DSR add-on: points added to the rate of the
	 * loan applied for when it applies
	 * @param stressCreditAbove a credit loan applied for is stressed only when the
	 * applicant's credit loans and lines, it included, exceed this amount, KRW
	 * @param newLoanVariableRate whether the loan applied for has a variable rate
	 * @param newLoanRepayment how the loan applied for is repaid
	 */
	public record DsrMethod(int creditDeemedMonths, BigDecimal stressRatePercent, long stressCreditAbove,
			boolean newLoanVariableRate, NewLoanRepayment newLoanRepayment) {

		/**
		 * For a policy written before the method's keys: deemed 5 years, no stress
		 * add-on.
		 */
		public static final DsrMethod BEFORE_THE_KEYS = new DsrMethod(60, BigDecimal.ZERO, Long.MAX_VALUE, false,
				NewLoanRepayment.CREDIT);

	}

	/** How the loan applied for counts in the supervisor's DSR. */
	public enum NewLoanRepayment {

		/**
		 * A credit loan (신용대출): equal principal over the deemed maturity, whatever its
		 * term, with a month's interest; stressed above the credit threshold.
		 */
		CREDIT,

		/**
		 * Equal monthly instalments of principal and interest over its own term (원리금균등,
		 * as a mortgage or an instalment loan); stressed whenever its rate is variable.
		 */
		INSTALMENTS

	}

	/** What one loan product allows. */
	public record ProductRange(long minimumAmount, long maximumAmount, int minimumTermMonths, int maximumTermMonths) {
	}

	/** The grades of the master scale, from the safest. */
	public static final List<String> GRADES = List.of("A", "B", "C", "D", "E");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * What turns a fitted score into a decision and a price.
	 *
	 * @param scoreOdds the odds good : bad at the base score
	 * @param scorePdo points that double the odds
	 * @param gradePdMaxima the master scale: the highest PD (%) of grades A to D; E holds
	 * every PD above D's
	 * @param approvePdMax approved up to this PD (%)...
	 * @param referPdMax ...referred to an officer up to this one, declined above
	 * @param fundingPercent what the bank pays for the money, yearly
	 * @param lossGivenDefaultPercent the share of a defaulted loan that is lost
	 * @param costPercent running a loan, yearly, in percent of its amount
	 * @param marginPercent the return the bank asks on top
	 */
	public record RiskScale(int scoreOdds, int scorePdo, List<BigDecimal> gradePdMaxima, BigDecimal approvePdMax,
			BigDecimal referPdMax, BigDecimal fundingPercent, BigDecimal lossGivenDefaultPercent,
			BigDecimal costPercent, BigDecimal marginPercent) {

		public RiskScale

		{
			gradePdMaxima = List.copyOf(gradePdMaxima);
		}

		/**
		 * The probability of default (%) a score stands for: the odds are
		 * {@code scoreOdds} at the base score and double every {@code scorePdo} points.
		 */
		public double pdOf(int score, int scoreBase) {
			double odds = this.scoreOdds * Math.pow(2, (score - scoreBase) / (double) this.scorePdo);
			return 100 / (1 + odds);
		}

		/** The grade of the master scale that holds this PD (%). */
		public String gradeOf(double pd) {
			for (int i = 0; i < this.gradePdMaxima.size(); i++) {
				if (pd <= this.gradePdMaxima.get(i).doubleValue()) {
					return GRADES.get(i);
				}
			}
			return GRADES.get(this.gradePdMaxima.size());
		}

		/**
		 * The yearly rate that prices a grade's risk: funding + PD × LGD + cost + margin,
		 * with the grade's highest PD, rounded up to a tenth; the legal maximum for the
		 * open-ended last grade or when the sum exceeds it.
		 */
		public BigDecimal priceOf(String grade, BigDecimal legalMaximum) {
			int index = GRADES.indexOf(grade);
			if (index < 0 || index >= this.gradePdMaxima.size()) {
				return legalMaximum;
			}
			BigDecimal expectedLoss = this.gradePdMaxima.get(index)
				.multiply(this.lossGivenDefaultPercent)
				.divide(HUNDRED);
			BigDecimal rate = this.fundingPercent.add(expectedLoss)
				.add(this.costPercent)
				.add(this.marginPercent)
				.setScale(1, RoundingMode.CEILING);
			return rate.min(legalMaximum);
		}

	}

	public Policy {
		products = Map.copyOf(products);
	}

	public boolean allowsAmount(LoanProduct product, long amount) {
		ProductRange range = this.products.get(product);
		return range != null && amount >= range.minimumAmount() && amount <= range.maximumAmount();
	}

	/**
	 * The smallest loan of the product: a counter-offer below it is not worth making. 0
	 * for a product the policy does not know (its application is declined for that).
	 */
	public long minimumAmount(LoanProduct product) {
		ProductRange range = this.products.get(product);
		return (range != null) ? range.minimumAmount() : 0;
	}

	public boolean allowsTerm(LoanProduct product, int termMonths) {
		ProductRange range = this.products.get(product);
		return range != null && termMonths >= range.minimumTermMonths() && termMonths <= range.maximumTermMonths();
	}

	/** The grade of the master scale that holds this PD (%); see {@link RiskScale}. */
	public String gradeOf(double pd) {
		return requireRisk().gradeOf(pd);
	}

	/** The PD (%) cut-off below which the rules approve; see {@link RiskScale}. */
	public double approvePdMax() {
		return requireRisk().approvePdMax().doubleValue();
	}

	/** The PD (%) cut-off above which the rules decline; see {@link RiskScale}. */
	public double referPdMax() {
		return requireRisk().referPdMax().doubleValue();
	}

	/**
	 * Whether the policy has a risk scale: fitted scores, a master scale of PDs, pricing.
	 */
	public boolean hasRiskScale() {
		return this.risk != null;
	}

	/**
	 * The risk scale, for what needs one: a rule that uses it in a policy without one
	 * fails loudly (the {@code risk} component itself stays null there, so the policy can
	 * still be shown).
	 */
	private RiskScale requireRisk() {
		if (this.risk == null) {
			throw new IllegalStateException("policy.properties has no master scale (grade.A.pd.max, ...), "
					+ "score.odds, PD cut-offs or pricing");
		}
		return this.risk;
	}

	/** The probability of default (%) a score stands for on the policy's scale. */
	public double pdOf(int score) {
		return requireRisk().pdOf(score, this.scoreBase);
	}

}
