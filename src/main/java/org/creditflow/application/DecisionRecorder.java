package org.creditflow.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.creditflow.application.ApplicationDecided.Decider;
import org.creditflow.application.LoanProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes how an application ended, from the process variables of its last assessment and,
 * when a person decided, of their review. Runs inside the step's transaction, so the
 * status, the decision and the process move together.
 */
@Component
class DecisionRecorder {

	private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

	/** An applicant is told the main reasons, not every rule that fired. */
	static final int MAX_REASONS = 4;

	private final LoanApplicationRepository applications;

	private final FinalDecisionRepository decisions;

	private final ReasonCatalog reasons;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DecisionRecorder(LoanApplicationRepository applications, FinalDecisionRepository decisions, ReasonCatalog reasons,
			ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.decisions = decisions;
		this.reasons = reasons;
		this.events = events;
		this.clock = clock;
	}

	void approve(DelegateExecution execution) {
		boolean byOfficer = decidedByOfficer(execution);
		Long limit = asLong(byOfficer ? firstPresent(execution, Variables.APPROVED_LIMIT, Variables.OFFER_LIMIT)
				: execution.getVariable(Variables.OFFER_LIMIT));
		BigDecimal rate = asRate(byOfficer ? firstPresent(execution, Variables.APPROVED_RATE, Variables.OFFER_RATE)
				: execution.getVariable(Variables.OFFER_RATE));
		decide(execution, ApplicationStatus.APPROVED, limit, rate, reasonCodes(execution));
	}

	void decline(DelegateExecution execution) {
		Set<String> codes = new LinkedHashSet<>();
		if (decidedByOfficer(execution) && execution.getVariable(Variables.DECLINE_REASON) != null) {
			codes.add((String) execution.getVariable(Variables.DECLINE_REASON));
		}
		codes.addAll(reasonCodes(execution));
		decide(execution, ApplicationStatus.DECLINED, null, null, List.copyOf(codes));
	}

	void expire(DelegateExecution execution, String reason) {
		close(execution.getProcessBusinessKey(), ApplicationStatus.EXPIRED, reason, Decider.DEADLINE);
	}

	void withdraw(DelegateExecution execution) {
		close(execution.getProcessBusinessKey(), ApplicationStatus.WITHDRAWN,
				"Withdrawn at the applicant's request (" + execution.getVariable(Variables.WITHDRAWN_BY) + ")",
				Decider.APPLICANT);
	}

	private void decide(DelegateExecution execution, ApplicationStatus outcome, @Nullable Long limit,
			@Nullable BigDecimal rate, List<String> reasonCodes) {
		String id = execution.getProcessBusinessKey();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (!this.applications.updateStatus(id, outcome, null, now)) {
			log.warn("Application {} already has a final status; {} not recorded", id, outcome);
			return;
		}
		boolean byOfficer = decidedByOfficer(execution);
		FinalDecision decision = new FinalDecision(id, outcome, (Integer) execution.getVariable(Variables.SCORE),
				(String) execution.getVariable(Variables.GRADE), limit, rate,
				reasonCodes.stream().limit(MAX_REASONS).map(this.reasons::describe).toList(),
				(String) execution.getVariable(Variables.RULESET_VERSION),
				byOfficer ? (String) execution.getVariable(Variables.REVIEWED_BY) : FinalDecision.RULES,
				byOfficer ? (String) execution.getVariable(Variables.SECOND_APPROVED_BY) : null,
				byOfficer ? (String) execution.getVariable(Variables.REVIEW_COMMENT) : null, now);
		this.decisions.insert(decision);
		this.events.publishEvent(
				new ApplicationDecided(id, outcome, byOfficer ? Decider.OFFICER : Decider.RULES, decision, null));
		log.info("Application {} {} by {}", id, outcome, decision.decidedBy());
	}

	private void close(String id, ApplicationStatus status, String reason, Decider decider) {
		if (this.applications.updateStatus(id, status, reason, OffsetDateTime.now(this.clock))) {
			this.events.publishEvent(new ApplicationDecided(id, status, decider, null, reason));
			log.info("Application {} {}: {}", id, status, reason);
		}
	}

	private static boolean decidedByOfficer(DelegateExecution execution) {
		return execution.getVariable(Variables.REVIEW_DECISION) != null;
	}

	private static List<String> reasonCodes(DelegateExecution execution) {
		String codes = (String) execution.getVariable(Variables.REASON_CODES);
		return (codes == null || codes.isBlank()) ? List.of() : Arrays.asList(codes.split(","));
	}

	private static Object firstPresent(DelegateExecution execution, String name, String fallback) {
		Object value = execution.getVariable(name);
		return (value != null) ? value : execution.getVariable(fallback);
	}

	@Nullable
	private static Long asLong(@Nullable Object amount) {
		return (amount instanceof Number number) ? number.longValue() : null;
	}

	/** Rates travel as short decimals (7.9); their text is their exact value. */
	@Nullable
	private static BigDecimal asRate(@Nullable Object rate) {
		return (rate != null) ? new BigDecimal(rate.toString()) : null;
	}

}
