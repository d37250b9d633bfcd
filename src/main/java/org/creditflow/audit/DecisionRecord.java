package org.creditflow.audit;

import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * One link of the decision chain: an assessment, an officer's decision or a final
 * decision, with its details as JSON ({@code payload}).
 *
 * @param kind ASSESSMENT, REVIEW, SECOND_APPROVAL or FINAL_DECISION
 * @param actor {@code rules}, the officer's user id, {@code applicant} or
 * {@code deadline}
 */
record DecisionRecord(long seq, String applicationId, String kind, String actor, @Nullable String rulesetVersion,
		String payload, OffsetDateTime recordedAt, String previousHash, String hash) {

	DecisionRecord withHash(String hash) {
		return new DecisionRecord(this.seq, this.applicationId, this.kind, this.actor, this.rulesetVersion,
				this.payload, this.recordedAt, this.previousHash, hash);
	}

}
