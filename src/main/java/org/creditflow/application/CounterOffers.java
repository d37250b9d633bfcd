package org.creditflow.application;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * Approvals for less than the amount asked, read from the records (the approval
 * {@link SettledDecisions} supports), never from process variables. The process asks
 * {@code ${counterOffers.belowRequest(execution)}} before it issues an offer: such an
 * approval waits for the applicant to accept it.
 */
@Component("counterOffers")
public class CounterOffers {

	/** Reason codes that explain a cut limit, as the limit rules note them. */
	private static final Set<String> CUT_REASONS = Set.of("LIMIT_REDUCED_DSR", "LIMIT_REDUCED_INCOME");

	private final LoanApplications applications;

	private final SettledDecisions decisions;

	private final ReasonCatalog reasons;

	private final DecisionProperties properties;

	CounterOffers(LoanApplications applications, SettledDecisions decisions, ReasonCatalog reasons,
			DecisionProperties properties) {
		this.applications = applications;
		this.decisions = decisions;
		this.reasons = reasons;
		this.properties = properties;
	}

	/** Whether the approval on record grants less than the applicant asked. */
	public boolean belowRequest(DelegateExecution execution) {
		String id = execution.getProcessBusinessKey();
		SettledDecision approval = this.decisions.approval(id);
		return approval.creditLimit() != null && approval.creditLimit() < this.applications.get(id).loan().amount();
	}

	/**
	 * The counter-offer an application waits on; empty unless it is {@code OFFERED}.
	 * @param offeredAt when the application was offered (its status changed then)
	 */
	Optional<CounterOffer> of(LoanApplication application, OffsetDateTime offeredAt) {
		if (application.status() != ApplicationStatus.OFFERED) {
			return Optional.empty();
		}
		SettledDecision approval = this.decisions.approval(application.id());
		return Optional.of(new CounterOffer(application.loan().amount(), approval.creditLimit(), approval.annualRate(),
				application.loan().termMonths(),
				approval.reasonCodes()
					.stream()
					.filter(CUT_REASONS::contains)
					.map((code) -> this.reasons.describe(approval.rulesetVersion(), code))
					.toList(),
				offeredAt.plus(this.properties.counterOfferValidity())));
	}

	/** The offer's validity as the process's timer reads it: an ISO-8601 duration. */
	public String validity() {
		return this.properties.counterOfferValidity().toString();
	}

}
