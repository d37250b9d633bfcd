package org.creditflow.application;

import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * Published when an application reaches a final status, in the transaction that records
 * it.
 *
 * @param decision the recorded decision when approved or declined; null when withdrawn or
 * expired
 * @param reason why it was withdrawn or expired; null when decided
 * @param submittedAt when the application came in
 * @param decidedAt when it reached its final status
 */
public record ApplicationDecided(String applicationId, ApplicationStatus outcome, Decider decider,
		@Nullable FinalDecision decision, @Nullable String reason, OffsetDateTime submittedAt,
		OffsetDateTime decidedAt) {

	/** Who or what ended the application. */
	public enum Decider {

		/** the ruleset, without a person */
		RULES,
		/** loan officers in Tasklist */
		OFFICER,
		/** the applicant withdrew */
		APPLICANT,
		/** a deadline passed */
		DEADLINE

	}

}
