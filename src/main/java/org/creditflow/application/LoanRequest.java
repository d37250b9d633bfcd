package org.creditflow.application;

/**
 * What the applicant asks for.
 *
 * @param amount principal in KRW
 * @param termMonths repayment term in months
 */
public record LoanRequest(LoanProduct product, long amount, int termMonths, LoanPurpose purpose) {
}
