package org.creditflow.release;

/** Where a release is on its way through the {@code ruleset-release} process. */
public enum ReleaseStatus {

	/** Submitted; being validated. */
	SUBMITTED,
	/** Refused by validation (problems by file and line, or failed scenarios); ended. */
	INVALID,
	/** Valid; its impact is being measured. */
	VALIDATED,
	/** Its impact is measured; a risk manager decides in Tasklist. */
	AWAITING_APPROVAL,
	/** Approved; goes into service at its effective date. */
	APPROVED,
	/** Rejected with a reason; ended. */
	REJECTED,
	/** In service (or was: a later release may have replaced it). */
	ACTIVE

}
