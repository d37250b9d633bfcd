package org.creditflow.scoring.facts;

import java.util.Map;

import org.creditflow.application.LoanProduct;

/**
 * The credit policy's numbers, from {@code rules/policy.properties}: the risk team
 * changes a cut-off there without touching a rule. Every assessment sees this fact.
 *
 * @param minimumAge the age of majority: younger applicants are declined
 * @param dsrLimitPercent the highest debt service ratio allowed, new loan included
 * @param dsrWarningPercent above this the financial scorecard takes points off
 * @param telecomUnpaidKnockoutAmount unpaid phone bills of at least this much (KRW)...
 * @param telecomUnpaidKnockoutMonths ...overdue this many months or more decline
 * @param scoreBase the score of an applicant with no points either way
 * @param gradeA the lowest score of grade A (and so on for B, C, D; below D is E)
 * @param products the amount and term each product allows
 */
public record Policy(int minimumAge, int dsrLimitPercent, int dsrWarningPercent, long telecomUnpaidKnockoutAmount,
		int telecomUnpaidKnockoutMonths, int scoreBase, int gradeA, int gradeB, int gradeC, int gradeD,
		Map<LoanProduct, ProductRange> products) {

	/** What one loan product allows. */
	public record ProductRange(long minimumAmount, long maximumAmount, int minimumTermMonths, int maximumTermMonths) {
	}

	public Policy {
		products = Map.copyOf(products);
	}

	public boolean allowsAmount(LoanProduct product, long amount) {
		ProductRange range = this.products.get(product);
		return range != null && amount >= range.minimumAmount() && amount <= range.maximumAmount();
	}

	public boolean allowsTerm(LoanProduct product, int termMonths) {
		ProductRange range = this.products.get(product);
		return range != null && termMonths >= range.minimumTermMonths() && termMonths <= range.maximumTermMonths();
	}

}
