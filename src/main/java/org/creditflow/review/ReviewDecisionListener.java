package org.creditflow.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.creditflow.application.LoanApplications;
import org.creditflow.application.LoanProcess.ReviewDecisions;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.AssessmentVariables;
import org.creditflow.scoring.CreditAssessments;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks an officer's decision on {@code Task_ReviewApplication} when the task completes,
 * whatever the form sent: a decision, a comment, an offer within the request and the
 * legal maximum rate, a known decline reason, what information is needed. Anything wrong
 * is refused with every problem named and the task stays open.
 *
 * <p>
 * The rules' facts are taken from the recorded assessment, not from the variables a form
 * could have changed; the officer is the signed-in user. A second approval is needed for
 * an amount above the four-eyes limit, or for terms more generous than the rules offered.
 */
@Component
class ReviewDecisionListener implements TaskListener {

	static final BigDecimal LEGAL_MAXIMUM_RATE = new BigDecimal("20");

	private static final Set<String> DECISIONS = Set.of(ReviewDecisions.APPROVE, ReviewDecisions.DECLINE,
			ReviewDecisions.REQUEST_INFORMATION);

	private final ReviewProperties properties;

	private final ActiveRuleset ruleset;

	private final LoanApplications applications;

	private final CreditAssessments assessments;

	private final ReviewDecisionRepository decisions;

	private final Clock clock;

	ReviewDecisionListener(ReviewProperties properties, ActiveRuleset ruleset, LoanApplications applications,
			CreditAssessments assessments, ReviewDecisionRepository decisions, Clock clock) {
		this.properties = properties;
		this.ruleset = ruleset;
		this.applications = applications;
		this.assessments = assessments;
		this.decisions = decisions;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskActor actor = TaskActor.of(task);
		String applicationId = task.getExecution().getProcessBusinessKey();
		long requested = this.applications.get(applicationId).loan().amount();
		Assessment assessment = this.assessments.latest(applicationId)
			.orElseThrow(() -> new IllegalStateException("No assessment recorded for application " + applicationId));
		AssessmentVariables.write(task.getExecution(), assessment);
		task.setVariable(Variables.REQUESTED_AMOUNT, requested);

		List<String> problems = new ArrayList<>();
		String decision = text(task, Variables.REVIEW_DECISION);
		String comment = text(task, Variables.REVIEW_COMMENT);
		if (decision == null || !DECISIONS.contains(decision)) {
			problems.add("choose approve, decline or request information");
		}
		if (comment == null) {
			problems.add("a comment is required");
		}
		Long limit = null;
		BigDecimal rate = null;
		Boolean secondApproval = null;
		String declineReason = null;
		String informationRequested = null;
		if (ReviewDecisions.APPROVE.equals(decision)) {
			limit = amount(task.getVariable(Variables.APPROVED_LIMIT), assessment.offerLimit());
			rate = rate(task.getVariable(Variables.APPROVED_RATE), assessment.offerRate());
			checkOffer(limit, rate, requested, problems);
			if (problems.isEmpty()) {
				checkDsr(applicationId, limit, rate, problems);
			}
			if (problems.isEmpty()) {
				secondApproval = needsSecondApproval(limit, rate, assessment);
			}
		}
		else if (ReviewDecisions.DECLINE.equals(decision)) {
			declineReason = text(task, Variables.DECLINE_REASON);
			if (declineReason == null || this.ruleset.get().reasonCode(declineReason).isEmpty()) {
				problems.add("choose a decline reason from the list of reason codes");
			}
		}
		else if (ReviewDecisions.REQUEST_INFORMATION.equals(decision)) {
			informationRequested = text(task, Variables.INFORMATION_REQUESTED);
			if (informationRequested == null) {
				problems.add("say what information the applicant must send");
			}
		}
		if (!problems.isEmpty()) {
			throw new ReviewRejectedException(problems);
		}

		task.setVariable(Variables.REVIEWED_BY, actor.userId());
		task.setVariable(Variables.REVIEW_COMMENT, comment);
		task.setVariable(Variables.APPROVED_LIMIT, limit);
		task.setVariable(Variables.APPROVED_RATE, (rate != null) ? rate.doubleValue() : null);
		task.setVariable(Variables.SECOND_APPROVAL_REQUIRED, Boolean.TRUE.equals(secondApproval));
		this.decisions.insert(new ReviewDecision(UUID.randomUUID().toString(), applicationId, task.getId(), Step.REVIEW,
				actor.userId(), actor.groups(), decision, comment, limit, rate, declineReason, informationRequested,
				secondApproval, OffsetDateTime.now(this.clock)));
	}

	private static void checkOffer(@Nullable Long limit, @Nullable BigDecimal rate, long requested,
			List<String> problems) {
		if (limit == null || limit <= 0) {
			problems.add("an approval needs a limit above 0 (the rules made no offer to accept)");
		}
		else if (limit > requested) {
			problems.add("the limit " + limit + " is above the amount requested (" + requested + ")");
		}
		if (rate == null || rate.signum() <= 0) {
			problems.add("an approval needs an interest rate above 0");
		}
		else if (rate.compareTo(LEGAL_MAXIMUM_RATE) > 0) {
			problems.add("the rate " + rate.toPlainString() + " % is above the legal maximum of 20 %");
		}
	}

	/**
	 * Whatever the rules offered, an officer may not lend more than keeps the debt
	 * service ratio within the policy's limit at the rate they approve.
	 */
	private void checkDsr(String applicationId, long limit, BigDecimal rate, List<String> problems) {
		this.assessments.latestFigures(applicationId).ifPresent((figures) -> {
			long maximum = figures.policyMaximum(rate);
			if (limit > maximum) {
				problems.add("the limit " + limit + " is above what the DSR limit of " + figures.dsrLimitPercent()
						+ " % allows at " + rate.toPlainString() + " % (" + maximum + ")");
			}
		});
	}

	private boolean needsSecondApproval(long limit, BigDecimal rate, Assessment assessment) {
		boolean overridesRules = assessment.offerLimit() == null || assessment.offerRate() == null
				|| limit > assessment.offerLimit() || rate.compareTo(assessment.offerRate()) < 0;
		return overridesRules || limit > this.properties.fourEyesLimit();
	}

	@Nullable
	private static String text(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return (value instanceof String text && !text.isBlank()) ? text.strip() : null;
	}

	/**
	 * The officer's amount, or the rules' offer when the field was left empty; -1 if not
	 * a whole number.
	 */
	@Nullable
	private static Long amount(@Nullable Object value, @Nullable Long offer) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return offer;
		}
		try {
			return new BigDecimal(value.toString().strip()).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return -1L;
		}
	}

	/**
	 * The officer's rate, or the rules' rate when the field was left empty; -1 if not a
	 * number.
	 */
	@Nullable
	private static BigDecimal rate(@Nullable Object value, @Nullable BigDecimal offer) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return offer;
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ONE.negate();
		}
	}

}
