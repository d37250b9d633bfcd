package org.creditflow.portfolio;

import java.util.Set;

import org.springframework.lang.Nullable;

/**
 * An application an officer decided, set against what the rules said of it.
 *
 * @param officer who decided the review (the first pair of eyes)
 * @param approved whether the officer approved it
 * @param side where the rules' PD put it: the approval side of the cut-offs, between
 * them, or the decline side
 * @param overrides how the decision went against the rules; empty when it did not
 * @param reason the officer's decline reason, or null for an approval
 * @param pdPercent the PD the rules gave
 * @param outcome the loan's outcome so far, once servicing reported it
 */
record OfficerDecision(String applicationId, String officer, boolean approved, Side side, Set<Override> overrides,
		@Nullable String reason, @Nullable Double pdPercent, @Nullable LoanOutcome outcome) {

	/** Where the rules' PD put a referred application. */
	enum Side {

		/** At or below the approval cut-off: referred for another reason. */
		APPROVE_SIDE,

		/** Between the cut-offs: the borderline the officer is there for. */
		BORDERLINE,

		/** Above the referral cut-off: referred for another reason. */
		DECLINE_SIDE,

		/** No PD (no scorecard applied). */
		NO_SCORE

	}

	/** How an officer's decision goes against the rules. */
	enum Override {

		/** Approved although the PD is on the decline side. */
		APPROVED_AGAINST_SCORE,

		/** Declined although the PD is on the approval side. */
		DECLINED_AGAINST_SCORE,

		/** Approved with a higher limit or a lower rate than the rules offered. */
		BETTER_TERMS

	}

	boolean overridden() {
		return !this.overrides.isEmpty();
	}

}
