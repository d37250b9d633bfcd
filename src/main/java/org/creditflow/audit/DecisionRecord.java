package org.creditflow.audit;

import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * One link of the decision chain: an assessment, an officer's decision, a final decision,
 * a payload purge, or a step of a ruleset's release, with its details as JSON
 * ({@code payload}).
 *
 * @param applicationId null for the records of rulesets, which concern no application
 * @param kind ASSESSMENT, REVIEW, SECOND_APPROVAL, FINAL_DECISION, PAYLOAD_PURGED,
 * RELEASE_SUBMITTED, RELEASE_APPROVED, RELEASE_REJECTED, RULESET_ACTIVATED or
 * RULESET_ROLLBACK
 * @param actor {@code rules}, the officer's or risk team member's user id,
 * {@code applicant}, {@code deadline}, {@code retention} or {@code system}
 */
record DecisionRecord(long seq, @Nullable String applicationId, String kind, String actor,
		@Nullable String rulesetVersion, String payload, OffsetDateTime recordedAt, String previousHash, String hash) {

	DecisionRecord withHash(String hash) {
		return new DecisionRecord(this.seq, this.applicationId, this.kind, this.actor, this.rulesetVersion,
				this.payload, this.recordedAt, this.previousHash, hash);
	}

}
