package org.creditflow.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.creditflow.application.LoanApplications;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;
import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.AssessmentVariables;
import org.creditflow.scoring.CreditAssessments;

import org.springframework.stereotype.Component;

/**
 * Enforces the four-eyes principle on {@code Task_SecondApproval}: the second approver is
 * a senior officer, not the officer who approved first (as recorded when the first
 * approval was given), and not on the applicant's side of the application. Checked on the
 * server when the task completes; the terms are the first approval's record, so the
 * second form cannot change them either.
 */
@Component
class SecondApprovalListener implements TaskListener {

	static final String APPROVE = "APPROVE";

	static final String REJECT = "REJECT";

	private static final Set<String> DECISIONS = Set.of(APPROVE, REJECT);

	private final ReviewDecisionRepository decisions;

	private final CreditAssessments assessments;

	private final LoanApplications applications;

	private final Clock clock;

	SecondApprovalListener(ReviewDecisionRepository decisions, CreditAssessments assessments,
			LoanApplications applications, Clock clock) {
		this.decisions = decisions;
		this.assessments = assessments;
		this.applications = applications;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskActor actor = TaskActor.of(task);
		String applicationId = task.getExecution().getProcessBusinessKey();
		Assessment assessment = this.assessments.latest(applicationId)
			.orElseThrow(() -> new IllegalStateException("No assessment recorded for application " + applicationId));
		ReviewDecision first = this.decisions.latestOn(assessment, Step.REVIEW)
			.orElseThrow(() -> new IllegalStateException("No first approval recorded for " + applicationId));

		List<String> problems = new ArrayList<>();
		SeparationOfDuties.check(actor, Set.of(Groups.SENIOR_OFFICERS), this.applications.applicantSide(applicationId),
				this.applications.formerDeciders(applicationId), problems);
		if (actor.userId().equals(first.decidedBy())) {
			problems.add("the officer who approved first cannot give the second approval (four eyes)");
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
		ReviewDecision checked = new ReviewDecision(UUID.randomUUID().toString(), applicationId, assessment.id(),
				task.getId(), Step.SECOND_APPROVAL, actor.userId(), actor.groups(), (String) decision,
				((String) comment).strip(), first.approvedLimit(), first.approvedRate(), null, null, null, null,
				OffsetDateTime.now(this.clock));
		this.decisions.insert(checked);
		writeBack(task.getExecution(), first, checked, assessment);
	}

	/** What the process routes on and shows, from the records. */
	private static void writeBack(DelegateExecution execution, ReviewDecision first, ReviewDecision checked,
			Assessment assessment) {
		AssessmentVariables.write(execution, assessment);
		execution.setVariable(Variables.REVIEWED_BY, first.decidedBy());
		execution.setVariable(Variables.REVIEW_COMMENT, first.comment());
		execution.setVariable(Variables.APPROVED_LIMIT, first.approvedLimit());
		execution.setVariable(Variables.APPROVED_RATE,
				(first.approvedRate() != null) ? first.approvedRate().doubleValue() : null);
		execution.setVariable(Variables.SECOND_APPROVAL_DECISION, checked.decision());
		execution.setVariable(Variables.SECOND_APPROVAL_COMMENT, checked.comment());
		execution.setVariable(Variables.SECOND_APPROVED_BY,
				APPROVE.equals(checked.decision()) ? checked.decidedBy() : null);
	}

}
