/**
 * Loan applications: the {@link org.creditflow.application.LoanApplication} aggregate,
 * the intake API with idempotency, its status and final decision, and the
 * {@code loan-application} process that carries every application from intake to
 * decision.
 */
@NonNullApi
package org.creditflow.application;

import org.springframework.lang.NonNullApi;
