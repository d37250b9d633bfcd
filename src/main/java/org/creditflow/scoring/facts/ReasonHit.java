package org.creditflow.scoring.facts;

/**
 * A rule's contribution to an assessment: its reason code, the scorecard or stage it
 * belongs to, and the points it moved (negative for adverse reasons).
 */
public record ReasonHit(String rule, String code, Category category, int points) {

	public enum Category {

		/** a regulatory or policy knock-out: declines on its own */
		POLICY,
		/** needs a person: a data gap or a borderline case */
		REFERRAL,
		/** points from bank data */
		FINANCIAL,
		/** points from telecom data */
		TELECOM,
		/** a note on the decision or offer, such as a reduced limit */
		DECISION

	}

}
