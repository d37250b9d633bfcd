package org.creditflow.application;

import org.springframework.lang.Nullable;

/**
 * Published when an application reaches a final status, in the transaction that records
 * it.
 *
 * @param decision the recorded decision when approved or declined; null when withdrawn or
 * expired
 * @param reason why it was withdrawn or expired; null when decided
 */
public record ApplicationDecided(String applicationId, ApplicationStatus outcome, Decider decider,
		@Nullable FinalDecision decision, @Nullable String reason) {

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
