package org.creditflow.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.creditflow.application.ApplicationDecided.Decider;
import org.creditflow.application.LoanProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes how an application ended. Approvals and declines are settled from the records
 * ({@link SettledDecisions}: the recorded assessment and the officers' checked reviews),
 * never from process variables, which users of the engine's APIs can write. Runs inside
 * the step's transaction, so the status, the decision and the process move together.
 */
@Component
class DecisionRecorder {

	private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

	private final LoanApplicationRepository applications;

	private final FinalDecisionRepository decisions;

	private final SettledDecisions settled;

	private final ReasonCatalog reasons;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DecisionProperties properties;

	DecisionRecorder(LoanApplicationRepository applications, FinalDecisionRepository decisions,
			SettledDecisions settled, ReasonCatalog reasons, ApplicationEventPublisher events, Clock clock,
			DecisionProperties properties) {
		this.applications = applications;
		this.decisions = decisions;
		this.settled = settled;
		this.reasons = reasons;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	void approve(DelegateExecution execution) {
		String id = execution.getProcessBusinessKey();
		decide(id, ApplicationStatus.APPROVED, this.settled.approval(id));
	}

	void decline(DelegateExecution execution) {
		String id = execution.getProcessBusinessKey();
		decide(id, ApplicationStatus.DECLINED, this.settled.decline(id));
	}

	void expire(DelegateExecution execution, String reason) {
		close(execution.getProcessBusinessKey(), ApplicationStatus.EXPIRED, reason, Decider.DEADLINE);
	}

	void withdraw(DelegateExecution execution) {
		close(execution.getProcessBusinessKey(), ApplicationStatus.WITHDRAWN,
				"Withdrawn at the applicant's request (" + execution.getVariable(Variables.WITHDRAWN_BY) + ")",
				Decider.APPLICANT);
	}

	private void decide(String id, ApplicationStatus outcome, SettledDecision settled) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (!this.applications.updateStatus(id, outcome, null, now)) {
			log.warn("Application {} already has a final status; {} not recorded", id, outcome);
			return;
		}
		FinalDecision decision = new FinalDecision(id, outcome, settled.score(), settled.grade(), settled.creditLimit(),
				settled.annualRate(),
				settled.reasonCodes()
					.stream()
					.limit(this.properties.reasonsShown())
					.map((code) -> this.reasons.describe(settled.rulesetVersion(), code))
					.toList(),
				settled.rulesetVersion(), settled.decidedBy(), settled.secondApprover(), settled.comment(), now);
		this.decisions.insert(decision);
		this.events
			.publishEvent(new ApplicationDecided(id, outcome, settled.decider(), decision, null, submittedAt(id), now));
		log.info("Application {} {} by {}", id, outcome, decision.decidedBy());
	}

	private void close(String id, ApplicationStatus status, String reason, Decider decider) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (this.applications.updateStatus(id, status, reason, now)) {
			this.events.publishEvent(new ApplicationDecided(id, status, decider, null, reason, submittedAt(id), now));
			log.info("Application {} {}: {}", id, status, reason);
		}
	}

	private OffsetDateTime submittedAt(String id) {
		return this.applications.findById(id)
			.orElseThrow(() -> new IllegalStateException("No loan application " + id))
			.createdAt();
	}

}
