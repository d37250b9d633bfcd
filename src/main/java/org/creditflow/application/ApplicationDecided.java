package org.creditflow.application;

/**
 * Published when an application reaches a final status.
 */
public record ApplicationDecided(String applicationId, ApplicationStatus outcome, Decider decider) {

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
