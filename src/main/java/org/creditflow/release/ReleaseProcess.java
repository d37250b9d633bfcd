package org.creditflow.release;

/**
 * The contract with {@code processes/ruleset-release.bpmn}: its key, the approval task
 * and the variables it routes on and shows. The business key is the release's id.
 */
final class ReleaseProcess {

	static final String KEY = "ruleset-release";

	static final String APPROVAL_TASK = "Task_ApproveRelease";

	static final String RELEASE_ID = "releaseId";

	static final String VALID = "releaseValid";

	/** When the timer before activation fires (a date). */
	static final String EFFECTIVE_AT = "effectiveAt";

	static final String SUBMITTED_BY = "submittedBy";

	/** What the approval form shows: the release and its impact, in Markdown. */
	static final String SUMMARY = "releaseSummary";

	static final String DECISION = "releaseDecision";

	static final String COMMENT = "releaseComment";

	static final String APPROVE = "APPROVE";

	static final String REJECT = "REJECT";

	private ReleaseProcess() {
	}

}
