package org.creditflow.application;

/**
 * What an applicant asks for when contesting a decision (Credit Information Act art.
 * 36-2).
 */
public enum ContestKind {

	/**
	 * Assess again with new or corrected information; an officer decides unless the rules
	 * now approve.
	 */
	REASSESS,
	/** A person reviews the decision, whatever the rules say this time. */
	HUMAN_REVIEW

}
