package org.creditflow.portfolio;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.FinalDecision;
import org.creditflow.application.LoanApplications;
import org.creditflow.review.ReviewDecision;
import org.creditflow.review.ReviewDecisions;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.scoring.facts.Policy;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Every application an officer approved or declined, set against the rules: the side of
 * the cut-offs its PD fell on (under the policy of the ruleset that assessed it) and the
 * terms the rules offered. Reads them all: right for the thousands of reviews a year a
 * team decides, to be moved into SQL before far more.
 */
@Service
class OfficerDecisions {

	private final LoanApplications applications;

	private final CreditAssessments assessments;

	private final ReviewDecisions reviews;

	private final ActiveRuleset rulesets;

	private final PerformanceRepository outcomes;

	OfficerDecisions(LoanApplications applications, CreditAssessments assessments, ReviewDecisions reviews,
			ActiveRuleset rulesets, PerformanceRepository outcomes) {
		this.applications = applications;
		this.assessments = assessments;
		this.reviews = reviews;
		this.rulesets = rulesets;
		this.outcomes = outcomes;
	}

	List<OfficerDecision> all() {
		return this.applications.decidedByOfficers().stream().map(this::of).toList();
	}

	private OfficerDecision of(FinalDecision decision) {
		String id = decision.applicationId();
		Optional<Assessment> assessment = this.assessments.latest(id);
		Double pd = assessment.map(Assessment::pd).orElse(null);
		OfficerDecision.Side side = side(pd,
				this.rulesets.version(assessment.map(Assessment::rulesetVersion).orElse(null)).policy());
		boolean approved = decision.outcome() == ApplicationStatus.APPROVED;
		Optional<ReviewDecision> review = this.reviews.of(id)
			.stream()
			.filter((each) -> each.step() == ReviewDecision.Step.REVIEW)
			.filter((each) -> each.decision().equals(approved ? "APPROVE" : "DECLINE"))
			.reduce((first, second) -> second);
		Set<OfficerDecision.Override> overrides = EnumSet.noneOf(OfficerDecision.Override.class);
		if (approved && side == OfficerDecision.Side.DECLINE_SIDE) {
			overrides.add(OfficerDecision.Override.APPROVED_AGAINST_SCORE);
		}
		if (!approved && side == OfficerDecision.Side.APPROVE_SIDE) {
			overrides.add(OfficerDecision.Override.DECLINED_AGAINST_SCORE);
		}
		if (approved && assessment.isPresent() && betterTerms(decision, assessment.get())) {
			overrides.add(OfficerDecision.Override.BETTER_TERMS);
		}
		return new OfficerDecision(id, review.map(ReviewDecision::decidedBy).orElse(decision.decidedBy()), approved,
				side, overrides, review.map(ReviewDecision::declineReason).orElse(null), pd,
				this.outcomes.outcome(id).orElse(null));
	}

	static OfficerDecision.Side side(@Nullable Double pd, Policy policy) {
		if (pd == null) {
			return OfficerDecision.Side.NO_SCORE;
		}
		if (pd <= policy.approvePdMax()) {
			return OfficerDecision.Side.APPROVE_SIDE;
		}
		return (pd > policy.referPdMax()) ? OfficerDecision.Side.DECLINE_SIDE : OfficerDecision.Side.BORDERLINE;
	}

	/** A higher limit or a lower rate than the rules offered. */
	private static boolean betterTerms(FinalDecision decision, Assessment assessment) {
		boolean higherLimit = decision.creditLimit() != null && assessment.offerLimit() != null
				&& decision.creditLimit() > assessment.offerLimit();
		boolean lowerRate = decision.annualRate() != null && assessment.offerRate() != null
				&& decision.annualRate().compareTo(assessment.offerRate()) < 0;
		return higherLimit || lowerRate;
	}

}
