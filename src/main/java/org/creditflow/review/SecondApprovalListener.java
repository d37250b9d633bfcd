package org.creditflow.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;
import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.AssessmentVariables;
import org.creditflow.scoring.CreditAssessments;

import org.springframework.stereotype.Component;

/**
 * Enforces the four-eyes principle on {@code Task_SecondApproval}: the second approver is
 * a senior officer and not the officer who approved first, as recorded when the first
 * approval was given. Checked on the server when the task completes; the approved terms
 * are taken from that record, so the second form cannot change them either.
 */
@Component
class SecondApprovalListener implements TaskListener {

	static final String APPROVE = "APPROVE";

	static final String REJECT = "REJECT";

	private static final Set<String> DECISIONS = Set.of(APPROVE, REJECT);

	private final ReviewDecisionRepository decisions;

	private final CreditAssessments assessments;

	private final Clock clock;

	SecondApprovalListener(ReviewDecisionRepository decisions, CreditAssessments assessments, Clock clock) {
		this.decisions = decisions;
		this.assessments = assessments;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskActor actor = TaskActor.of(task);
		String applicationId = task.getExecution().getProcessBusinessKey();
		ReviewDecision first = this.decisions.latest(applicationId, Step.REVIEW)
			.orElseThrow(() -> new IllegalStateException("No first approval recorded for " + applicationId));
		this.assessments.latest(applicationId)
			.ifPresent((assessment) -> AssessmentVariables.write(task.getExecution(), assessment));
		task.setVariable(Variables.REVIEWED_BY, first.decidedBy());
		task.setVariable(Variables.REVIEW_COMMENT, first.comment());
		task.setVariable(Variables.APPROVED_LIMIT, first.approvedLimit());
		task.setVariable(Variables.APPROVED_RATE,
				(first.approvedRate() != null) ? first.approvedRate().doubleValue() : null);

		List<String> problems = new ArrayList<>();
		if (actor.userId().equals(first.decidedBy())) {
			problems.add("the officer who approved first cannot give the second approval (four eyes)");
		}
		if (!actor.groups().contains(Groups.SENIOR_OFFICERS)) {
			problems.add("a second approval must come from a senior officer");
		}
		Object decision = task.getVariable(Variables.SECOND_APPROVAL_DECISION);
		if (!(decision instanceof String text) || !DECISIONS.contains(text)) {
			problems.add("choose approve or return to the officer");
		}
		Object comment = task.getVariable(Variables.SECOND_APPROVAL_COMMENT);
		if (!(comment instanceof String text) || text.isBlank()) {
			problems.add("a comment is required");
		}
		if (!problems.isEmpty()) {
			throw new ReviewRejectedException(problems);
		}
		task.setVariable(Variables.SECOND_APPROVED_BY, APPROVE.equals(decision) ? actor.userId() : null);
		this.decisions.insert(new ReviewDecision(UUID.randomUUID().toString(), applicationId, task.getId(),
				Step.SECOND_APPROVAL, actor.userId(), actor.groups(), (String) decision, ((String) comment).strip(),
				first.approvedLimit(), first.approvedRate(), null, null, null, OffsetDateTime.now(this.clock)));
	}

}
