package org.creditflow.callback;

import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.application.ApplicationDecided;
import org.creditflow.application.ApplicationOffered;
import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.LoanApplications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a notification for every final status of an application whose partner registered
 * a callback, and for every counter-offer waiting for the applicant: in the transaction
 * that records the status, so a status is never recorded without its notification,
 * whatever crashes after. Sending it is the notification process's asynchronous step,
 * retried by the engine.
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
		notify(decided.applicationId(), decided.outcome(), decided.decidedAt());
	}

	/**
	 * A counter-offer waits for the applicant: the channel must hear of it to ask them.
	 */
	@EventListener
	void on(ApplicationOffered offered) {
		notify(offered.applicationId(), ApplicationStatus.OFFERED, offered.offeredAt());
	}

	private void notify(String applicationId, ApplicationStatus status, OffsetDateTime at) {
		String partner = this.applications.get(applicationId).submittedBy();
		if (this.callbacks.exists(partner)) {
			this.runtime.startProcessInstanceByKey(PROCESS_KEY, applicationId,
					Map.of(NotificationVariables.PARTNER, partner, NotificationVariables.STATUS, status.name(),
							NotificationVariables.DECIDED_AT, at.toString()));
		}
	}

}
