package org.creditflow.scoring.facts;

import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;

/**
 * The loan asked for.
 *
 * @param amount principal, KRW
 * @param termMonths repayment term in months
 */
public record LoanRequest(LoanProduct product, long amount, int termMonths, LoanPurpose purpose) {
}
