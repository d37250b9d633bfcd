package org.creditflow.application;

/**
 * Settles what an application is closed with, from what the server checked and recorded:
 * the latest assessment and the officers' review records. Never from process variables,
 * which users of the engine's APIs can write. Implemented by the module that owns the
 * reviews, so that applications can be decided without depending on it.
 */
public interface SettledDecisions {

	/**
	 * The approval on record: the rules' offer when they approved, else the terms a
	 * review of the latest assessment approved (with the second approval it needed).
	 * @throws UnsettledDecisionException when nothing on record approves the application
	 */
	SettledDecision approval(String applicationId);

	/**
	 * The decline on record: the rules', or a review's of the latest assessment.
	 * @throws UnsettledDecisionException when nothing on record declines the application
	 */
	SettledDecision decline(String applicationId);

}
