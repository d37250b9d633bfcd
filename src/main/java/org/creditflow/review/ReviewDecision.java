package org.creditflow.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * An officer's decision on a review task, as recorded when the task completed: who, in
 * which groups, what, why and when, on which assessment.
 *
 * @param assessmentId the assessment the officer decided on (null on records written
 * before it was kept)
 * @param verification what the officer verified in place of the bank data that could not
 * be fetched; null when the assessment had bank data, or the decision is no approval
 */
public record ReviewDecision(String id, String applicationId, @Nullable String assessmentId, String taskId, Step step,
		String decidedBy, List<String> decidedByGroups, String decision, String comment, @Nullable Long approvedLimit,
		@Nullable BigDecimal approvedRate, @Nullable String declineReason, @Nullable String informationRequested,
		@Nullable Boolean secondApprovalRequired, @Nullable Verification verification, OffsetDateTime decidedAt) {

	/**
	 * The income and the existing repayments an officer verified from a document (a pay
	 * slip, a tax statement, a bank's debt certificate), in KRW a month.
	 *
	 * @param document the document's reference, as the bank files it
	 */
	public record Verification(long monthlyIncome, long monthlyRepayments, String document) {
	}

	public enum Step {

		/** {@code Task_ReviewApplication} */
		REVIEW,
		/** {@code Task_SecondApproval} */
		SECOND_APPROVAL

	}

}
