package org.creditflow.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.creditflow.application.ApplicationContested;
import org.creditflow.application.ApplicationDecided;
import org.creditflow.application.Contest;
import org.creditflow.application.FinalDecision;
import org.creditflow.mydata.PayloadsPurged;
import org.creditflow.release.ReleaseRecorded;
import org.creditflow.review.ReviewDecision;
import org.creditflow.scoring.Assessment;
import org.creditflow.scoring.AssessmentRecorded;
import org.creditflow.scoring.RulesetActivated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends a decision record for every assessment, every officer's decision and every
 * final decision, in the transaction that made it: if the record cannot be written, the
 * decision is not taken either. The removal of MyData payloads after their retention
 * period is sealed into the chain the same way, with the SHA-256 of each payload removed:
 * what the assessments cited is gone from the database, and the chain says when and why.
 * So are the rulesets' releases (submitted, approved, rejected) and every change of the
 * rulesets in service (activation, rollback), under the version concerned and with no
 * application.
 */
@Component
class DecisionRecordListener {

	static final String ASSESSMENT = "ASSESSMENT";

	static final String FINAL_DECISION = "FINAL_DECISION";

	static final String PAYLOAD_PURGED = "PAYLOAD_PURGED";

	/** Under a declined application: the applicant contested it. */
	static final String CONTESTED = "CONTESTED";

	/**
	 * Under a contest's own application: what it contests, and what the applicant said.
	 */
	static final String CONTEST_RECEIVED = "CONTEST_RECEIVED";

	static final String RULESET_ACTIVATED = "RULESET_ACTIVATED";

	static final String RULESET_ROLLBACK = "RULESET_ROLLBACK";

	/** The actor of records that retention writes, without a person. */
	static final String RETENTION = "retention";

	private final DecisionChain chain;

	DecisionRecordListener(DecisionChain chain) {
		this.chain = chain;
	}

	@EventListener
	void on(AssessmentRecorded recorded) {
		Assessment assessment = recorded.assessment();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("assessmentId", assessment.id());
		payload.put("round", assessment.round());
		payload.put("band", assessment.band());
		payload.put("score", assessment.score());
		payload.put("pd", assessment.pd());
		payload.put("grade", assessment.grade());
		payload.put("segment", assessment.segment());
		payload.put("offerLimit", assessment.offerLimit());
		payload.put("offerRate", assessment.offerRate());
		payload.put("reasons", assessment.reasonCodes());
		payload.put("firedRules", assessment.firedRules());
		payload.put("snapshots", recorded.snapshots());
		this.chain.append(assessment.applicationId(), ASSESSMENT, "rules", assessment.rulesetVersion(), payload);
	}

	@EventListener
	void on(ReviewDecision decision) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("taskId", decision.taskId());
		payload.put("assessmentId", decision.assessmentId());
		payload.put("groups", decision.decidedByGroups());
		payload.put("decision", decision.decision());
		payload.put("comment", decision.comment());
		payload.put("approvedLimit", decision.approvedLimit());
		payload.put("approvedRate", decision.approvedRate());
		payload.put("declineReason", decision.declineReason());
		payload.put("informationRequested", decision.informationRequested());
		payload.put("secondApprovalRequired", decision.secondApprovalRequired());
		this.chain.append(decision.applicationId(), decision.step().name(), decision.decidedBy(), null, payload);
	}

	/**
	 * A contest: one record under the declined application, one under the contest's own,
	 * so either's timeline leads to the other.
	 */
	@EventListener
	void on(ApplicationContested contested) {
		Contest contest = contested.contest();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("contestApplicationId", contest.applicationId());
		payload.put("contestedApplicationId", contest.contestedApplicationId());
		payload.put("kind", contest.kind().name());
		payload.put("statement", contest.statement());
		payload.put("corrected", contested.corrected());
		payload.put("excludedOfficers", contested.formerDeciders());
		payload.put("submittedAt", contest.submittedAt().toString());
		this.chain.append(contest.contestedApplicationId(), CONTESTED, contest.submittedBy(), null, payload);
		this.chain.append(contest.applicationId(), CONTEST_RECEIVED, contest.submittedBy(), null, payload);
	}

	@EventListener
	void on(PayloadsPurged purged) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("payloads", purged.payloads().stream().map((removed) -> {
			Map<String, Object> snapshot = new LinkedHashMap<>();
			snapshot.put("snapshotId", removed.snapshotId());
			snapshot.put("source", removed.source().name());
			snapshot.put("provider", removed.provider());
			snapshot.put("fetchedAt", removed.fetchedAt().toString());
			snapshot.put("sha256", removed.sha256());
			return snapshot;
		}).toList());
		payload.put("retention", inDays(purged.retention()));
		payload.put("applicationClosedAt", purged.closedAt().toString());
		payload.put("purgedAt", purged.purgedAt().toString());
		this.chain.append(purged.applicationId(), PAYLOAD_PURGED, RETENTION, null, payload);
	}

	/** P90D rather than PT2160H, as retention periods are written. */
	private static String inDays(Duration period) {
		return (period.toSeconds() % Duration.ofDays(1).toSeconds() == 0) ? "P" + period.toDays() + "D"
				: period.toString();
	}

	/**
	 * A release submitted, approved or rejected: a record of no application, under the
	 * version it would put into service.
	 */
	@EventListener
	void on(ReleaseRecorded release) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("releaseId", release.releaseId());
		payload.put("role", release.role().name());
		payload.put("challengerShare", release.challengerShare());
		payload.put("rollback", release.rollback());
		payload.put("baselineVersion", release.baselineVersion());
		payload.put("effectiveAt", release.effectiveAt().toString());
		payload.put("why", release.why());
		this.chain.append(null, release.kind(), release.actor(), release.version(), payload);
	}

	/**
	 * A change of the rulesets in service: by a release (its approver is the actor), the
	 * first ruleset of a new database, or the development setting auto-activate.
	 */
	@EventListener
	void on(RulesetActivated activated) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("role", activated.role().name());
		payload.put("share", activated.share());
		payload.put("previousVersion", activated.previousVersion());
		payload.put("releaseId", activated.releaseId());
		payload.put("why", activated.why());
		this.chain.append(null, activated.rollback() ? RULESET_ROLLBACK : RULESET_ACTIVATED, activated.actor(),
				activated.version(), payload);
	}

	@EventListener
	void on(ApplicationDecided decided) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("outcome", decided.outcome().name());
		payload.put("decider", decided.decider().name());
		FinalDecision decision = decided.decision();
		String actor = decided.decider().name().toLowerCase();
		if (decision != null) {
			actor = decision.decidedBy();
			payload.put("score", decision.score());
			payload.put("grade", decision.grade());
			payload.put("creditLimit", decision.creditLimit());
			payload.put("annualRate", decision.annualRate());
			payload.put("reasons", decision.reasons().stream().map((reason) -> reason.code()).toList());
			payload.put("secondApprover", decision.secondApprover());
			payload.put("comment", decision.comment());
		}
		else {
			payload.put("reason", decided.reason());
		}
		this.chain.append(decided.applicationId(), FINAL_DECISION, actor,
				(decision != null) ? decision.rulesetVersion() : null, payload);
	}

}
