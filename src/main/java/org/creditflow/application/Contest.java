package org.creditflow.application;

import java.time.OffsetDateTime;

/**
 * An applicant's contest of a declined application: a new application for the same loan
 * (its own assessment, decision and audit records), linked to the one it contests, which
 * stays as the applicant was told it.
 *
 * @param applicationId the contest's own application
 * @param contestedApplicationId the declined application it contests
 * @param statement what the applicant says in their favour
 * @param submittedBy the channel that sent the contest
 */
public record Contest(String applicationId, String contestedApplicationId, ContestKind kind, String statement,
		String submittedBy, OffsetDateTime submittedAt) {
}
