package org.creditflow.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.creditflow.application.ApplicationDecided.Decider;
import org.creditflow.application.FinalDecision;
import org.creditflow.application.LoanProcess.Bands;
import org.creditflow.application.LoanProcess.ReviewDecisions;
import org.creditflow.application.SettledDecision;
import org.creditflow.application.SettledDecisions;
import org.creditflow.application.UnsettledDecisionException;
import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.CreditAssessments;

import org.springframework.stereotype.Component;

/**
 * Settles an application's final decision from the records only: its latest assessment
 * and the checked review of that assessment. An approval needs the rules' APPROVE band
 * with no review, or an officer's approval of the latest assessment and, when that
 * approval needed one, a second approval by someone else after it. Whatever the process
 * variables say, nothing else approves or declines.
 */
@Component
class DecisionSettlement implements SettledDecisions {

	private final CreditAssessments assessments;

	private final ReviewDecisionRepository reviews;

	DecisionSettlement(CreditAssessments assessments, ReviewDecisionRepository reviews) {
		this.assessments = assessments;
		this.reviews = reviews;
	}

	@Override
	public SettledDecision approval(String applicationId) {
		Assessment assessment = latestAssessment(applicationId);
		Optional<ReviewDecision> review = this.reviews.latestOn(assessment, Step.REVIEW);
		if (review.isEmpty()) {
			if (!Bands.APPROVE.equals(assessment.band()) || assessment.offerLimit() == null
					|| assessment.offerRate() == null) {
				throw unsettled(applicationId, "the rules did not approve it (band " + assessment.band()
						+ ") and no officer's approval of its latest assessment is on record");
			}
			return byRules(assessment, true);
		}
		ReviewDecision approval = review.get();
		if (!ReviewDecisions.APPROVE.equals(approval.decision()) || approval.approvedLimit() == null
				|| approval.approvedRate() == null) {
			throw unsettled(applicationId, "the officer's recorded decision is " + approval.decision());
		}
		String secondApprover = null;
		if (Boolean.TRUE.equals(approval.secondApprovalRequired())) {
			secondApprover = this.reviews.latestOn(assessment, Step.SECOND_APPROVAL)
				.filter((second) -> !second.decidedAt().isBefore(approval.decidedAt()))
				.filter((second) -> SecondApprovalListener.APPROVE.equals(second.decision()))
				.filter((second) -> !second.decidedBy().equals(approval.decidedBy()))
				.map(ReviewDecision::decidedBy)
				.orElseThrow(() -> unsettled(applicationId,
						"its approval needs a second approval by another senior officer, and none is on record"));
		}
		return new SettledDecision(Decider.OFFICER, assessment.score(), assessment.grade(), approval.approvedLimit(),
				approval.approvedRate(), assessment.reasonCodes(), assessment.rulesetVersion(), approval.decidedBy(),
				secondApprover, approval.comment());
	}

	@Override
	public SettledDecision decline(String applicationId) {
		Assessment assessment = latestAssessment(applicationId);
		Optional<ReviewDecision> review = this.reviews.latestOn(assessment, Step.REVIEW);
		if (review.isEmpty()) {
			if (!Bands.DECLINE.equals(assessment.band())) {
				throw unsettled(applicationId, "the rules did not decline it (band " + assessment.band()
						+ ") and no officer's decline of its latest assessment is on record");
			}
			return byRules(assessment, false);
		}
		ReviewDecision decline = review.get();
		if (!ReviewDecisions.DECLINE.equals(decline.decision()) || decline.declineReason() == null) {
			throw unsettled(applicationId, "the officer's recorded decision is " + decline.decision());
		}
		List<String> reasons = new ArrayList<>();
		reasons.add(decline.declineReason());
		assessment.reasonCodes().stream().filter((code) -> !reasons.contains(code)).forEach(reasons::add);
		return new SettledDecision(Decider.OFFICER, assessment.score(), assessment.grade(), null, null, reasons,
				assessment.rulesetVersion(), decline.decidedBy(), null, decline.comment());
	}

	/** The rules decided alone: an approval takes their offer. */
	private static SettledDecision byRules(Assessment assessment, boolean approved) {
		return new SettledDecision(Decider.RULES, assessment.score(), assessment.grade(),
				approved ? assessment.offerLimit() : null, approved ? assessment.offerRate() : null,
				assessment.reasonCodes(), assessment.rulesetVersion(), FinalDecision.RULES, null, null);
	}

	private Assessment latestAssessment(String applicationId) {
		return this.assessments.latest(applicationId)
			.orElseThrow(() -> unsettled(applicationId, "no assessment is on record"));
	}

	private static UnsettledDecisionException unsettled(String applicationId, String why) {
		return new UnsettledDecisionException("Application " + applicationId + " cannot be decided: " + why + ".");
	}

}
