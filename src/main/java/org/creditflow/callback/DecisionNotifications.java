package org.creditflow.callback;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.application.ApplicationDecided;
import org.creditflow.application.LoanApplications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a notification for every final status of an application whose partner registered
 * a callback: in the transaction that records the status, so a status is never recorded
 * without its notification, whatever crashes after. Sending it is the notification
 * process's asynchronous step, retried by the engine.
 */
@Component
class DecisionNotifications {

	static final String PROCESS_KEY = "decision-notification";

	private final LoanApplications applications;

	private final PartnerCallbacks callbacks;

	private final RuntimeService runtime;

	DecisionNotifications(LoanApplications applications, PartnerCallbacks callbacks, RuntimeService runtime) {
		this.applications = applications;
		this.callbacks = callbacks;
		this.runtime = runtime;
	}

	@EventListener
	void on(ApplicationDecided decided) {
		String partner = this.applications.get(decided.applicationId()).submittedBy();
		if (this.callbacks.exists(partner)) {
			this.runtime.startProcessInstanceByKey(PROCESS_KEY, decided.applicationId(),
					Map.of(NotificationVariables.PARTNER, partner, NotificationVariables.STATUS,
							decided.outcome().name(), NotificationVariables.DECIDED_AT,
							decided.decidedAt().toString()));
		}
	}

}
