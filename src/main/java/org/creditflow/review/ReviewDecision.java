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
 */
public record ReviewDecision(String id, String applicationId, @Nullable String assessmentId, String taskId, Step step,
		String decidedBy, List<String> decidedByGroups, String decision, String comment, @Nullable Long approvedLimit,
		@Nullable BigDecimal approvedRate, @Nullable String declineReason, @Nullable String informationRequested,
		@Nullable Boolean secondApprovalRequired, OffsetDateTime decidedAt) {

	public enum Step {

		/** {@code Task_ReviewApplication} */
		REVIEW,
		/** {@code Task_SecondApproval} */
		SECOND_APPROVAL

	}

}
