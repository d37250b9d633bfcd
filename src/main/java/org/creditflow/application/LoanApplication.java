package org.creditflow.application;

import java.time.OffsetDateTime;

/**
 * A loan application as stored; the aggregate the {@code loan-application} process works
 * on. Its id is also the process instance's business key.
 *
 * @param submittedBy the user (partner client or officer) that submitted it
 */
public record LoanApplication(String id, ApplicationStatus status, Applicant applicant, LoanRequest loan,
		Consent consent, String submittedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
