package org.creditflow.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.creditflow.application.LoanApplications;
import org.creditflow.application.LoanProcess.ReviewDecisions;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;
import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.AssessmentVariables;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.scoring.ReasonCode;
import org.creditflow.scoring.ReviewFigures;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks an officer's decision on {@code Task_ReviewApplication} when the task completes,
 * whatever the form sent: a decision, a comment, an offer within the request, the DSR
 * limit and the legal maximum rate, a known decline reason, what information is needed.
 * Anything wrong is refused with every problem named and the task stays open.
 *
 * <p>
 * The rules' facts are taken from the recorded assessment, not from variables; the
 * officer is the signed-in user, who must be a loan or senior officer and must not have
 * submitted the application or answered its request for information. The checked decision
 * is recorded in {@code review_decision}, which is what the application is decided from,
 * and written back as the variables the process routes on. A second approval is needed
 * for an amount above the four-eyes limit, or for terms more generous than the rules
 * offered.
 */
@Component
class ReviewDecisionListener implements TaskListener {

	private static final Set<String> DECISIONS = Set.of(ReviewDecisions.APPROVE, ReviewDecisions.DECLINE,
			ReviewDecisions.REQUEST_INFORMATION);

	/** Who may decide a review: its candidates, and the seniors it escalates to. */
	private static final Set<String> REVIEWERS = Set.of(Groups.LOAN_OFFICERS, Groups.SENIOR_OFFICERS);

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

	/**
	 * An officer declines with an officer's reason of the ruleset that assessed the
	 * application (whose texts the decision is explained with): never a policy or a
	 * scorecard code, which would tell the applicant the rules said what they did not.
	 */
	private void checkDeclineReason(@Nullable String declineReason, Assessment assessment, List<String> problems) {
		Optional<ReasonCode> code = (declineReason != null)
				? this.ruleset.version(assessment.rulesetVersion()).reasonCode(declineReason) : Optional.empty();
		if (code.isEmpty() || !ReasonCode.OFFICER.equals(code.get().category())) {
			problems.add("choose a decline reason from the officers' reasons (" + ReasonCode.OFFICER
					+ " in reason-codes.csv)" + ((declineReason != null) ? ", not " + declineReason : ""));
		}
	}

	@Override
	public void notify(DelegateTask task) {
		TaskActor actor = TaskActor.of(task);
		String applicationId = task.getExecution().getProcessBusinessKey();
		long requested = this.applications.get(applicationId).loan().amount();
		Assessment assessment = this.assessments.latest(applicationId)
			.orElseThrow(() -> new IllegalStateException("No assessment recorded for application " + applicationId));

		List<String> problems = new ArrayList<>();
		SeparationOfDuties.check(actor, REVIEWERS, this.applications.applicantSide(applicationId),
				this.applications.formerDeciders(applicationId), problems);
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
		ReviewDecision.Verification verification = null;
		if (ReviewDecisions.APPROVE.equals(decision)) {
			limit = FormNumbers.amount(Variables.APPROVED_LIMIT, task.getVariable(Variables.APPROVED_LIMIT),
					assessment.offerLimit(), problems);
			rate = FormNumbers.rate(Variables.APPROVED_RATE, task.getVariable(Variables.APPROVED_RATE),
					assessment.offerRate(), problems);
			// the law as the policy in service states it, not as it was when assessed
			checkOffer(limit, rate, requested, this.ruleset.get().policy().legalMaximumRatePercent(), problems);
			ReviewFigures figures = this.assessments.latestFigures(applicationId).orElseThrow();
			if (figures.bankDataMissing()) {
				verification = verification(task, problems);
				if (verification != null) {
					figures = figures.withVerified(verification.monthlyIncome(), verification.monthlyRepayments());
				}
			}
			if (problems.isEmpty()) {
				checkDsr(figures, limit, rate, problems);
			}
			if (problems.isEmpty()) {
				secondApproval = needsSecondApproval(limit, rate, assessment);
			}
		}
		else if (ReviewDecisions.DECLINE.equals(decision)) {
			declineReason = text(task, Variables.DECLINE_REASON);
			checkDeclineReason(declineReason, assessment, problems);
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

		ReviewDecision checked = new ReviewDecision(UUID.randomUUID().toString(), applicationId, assessment.id(),
				task.getId(), Step.REVIEW, actor.userId(), actor.groups(), decision, comment, limit, rate,
				declineReason, informationRequested, secondApproval, verification, OffsetDateTime.now(this.clock));
		this.decisions.insert(checked);
		writeBack(task.getExecution(), checked, assessment);
	}

	/**
	 * The process routes on what was checked, written on the process instance itself
	 * (never into a task-local variable that would hide it).
	 */
	private static void writeBack(DelegateExecution execution, ReviewDecision checked, Assessment assessment) {
		AssessmentVariables.write(execution, assessment);
		execution.setVariable(Variables.REVIEW_DECISION, checked.decision());
		execution.setVariable(Variables.REVIEW_COMMENT, checked.comment());
		execution.setVariable(Variables.REVIEWED_BY, checked.decidedBy());
		execution.setVariable(Variables.APPROVED_LIMIT, checked.approvedLimit());
		execution.setVariable(Variables.APPROVED_RATE,
				(checked.approvedRate() != null) ? checked.approvedRate().doubleValue() : null);
		execution.setVariable(Variables.DECLINE_REASON, checked.declineReason());
		execution.setVariable(Variables.INFORMATION_REQUESTED, checked.informationRequested());
		execution.setVariable(Variables.SECOND_APPROVAL_REQUIRED,
				Boolean.TRUE.equals(checked.secondApprovalRequired()));
	}

	private static void checkOffer(@Nullable Long limit, @Nullable BigDecimal rate, long requested,
			BigDecimal legalMaximum, List<String> problems) {
		if (limit == null) {
			if (!mentions(problems, Variables.APPROVED_LIMIT)) {
				problems.add("an approval needs a limit (the rules made no offer to accept)");
			}
		}
		else if (limit > requested) {
			problems.add("the limit " + limit + " is above the amount requested (" + requested + ")");
		}
		if (rate == null) {
			if (!mentions(problems, Variables.APPROVED_RATE)) {
				problems.add("an approval needs an interest rate (the rules made no offer to accept)");
			}
		}
		else if (rate.signum() <= 0) {
			problems.add("an approval needs an interest rate above 0");
		}
		else if (rate.compareTo(legalMaximum) > 0) {
			problems.add("the rate " + rate.toPlainString() + " % is above the legal maximum of "
					+ legalMaximum.toPlainString() + " %");
		}
	}

	/** Whether a field's value was already refused as unreadable. */
	private static boolean mentions(List<String> problems, String field) {
		return problems.stream().anyMatch((problem) -> problem.startsWith(field + " "));
	}

	/**
	 * Whatever the rules offered, an officer may not lend more than keeps the debt
	 * service ratio within the policy's limit at the rate they approve.
	 */
	private static void checkDsr(ReviewFigures figures, long limit, BigDecimal rate, List<String> problems) {
		long maximum = figures.policyMaximum(rate);
		if (limit > maximum) {
			problems.add("the limit " + limit + " is above what the DSR limit of " + figures.dsrLimitPercent()
					+ " % allows at " + rate.toPlainString() + " % (" + maximum + ")"
					+ (figures.bankDataMissing() ? " with the verified income and repayments" : ""));
		}
	}

	/**
	 * Without bank data the assessment saw only the declared income and no debt at all:
	 * an approval rests on the income and the existing repayments the officer verified,
	 * and names the document they were verified with.
	 */
	@Nullable
	private static ReviewDecision.Verification verification(DelegateTask task, List<String> problems) {
		int before = problems.size();
		Long income = FormNumbers.amount(Variables.VERIFIED_MONTHLY_INCOME,
				task.getVariable(Variables.VERIFIED_MONTHLY_INCOME), null, problems);
		Long repayments = FormNumbers.owed(Variables.VERIFIED_MONTHLY_REPAYMENTS,
				task.getVariable(Variables.VERIFIED_MONTHLY_REPAYMENTS), problems);
		String document = text(task, Variables.VERIFICATION_DOCUMENT);
		if (problems.size() > before) {
			return null;
		}
		if (income == null || repayments == null || document == null) {
			problems.add("the bank data could not be fetched: an approval needs the verified monthly income ("
					+ Variables.VERIFIED_MONTHLY_INCOME + "), the verified monthly repayments of existing debt ("
					+ Variables.VERIFIED_MONTHLY_REPAYMENTS + ", 0 for none) and the reference of the document "
					+ "they were verified with (" + Variables.VERIFICATION_DOCUMENT + ")");
			return null;
		}
		if (document.length() > 200) {
			problems.add(Variables.VERIFICATION_DOCUMENT + " must be at most 200 characters");
			return null;
		}
		return new ReviewDecision.Verification(income, repayments, document);
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

}
