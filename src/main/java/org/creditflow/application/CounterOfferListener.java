package org.creditflow.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When the process starts waiting for the applicant to accept a counter-offer, tells the
 * other modules (the partner's callback among them), like a decision.
 */
@Component
class CounterOfferListener implements ExecutionListener {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CounterOfferListener(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.events
			.publishEvent(new ApplicationOffered(execution.getProcessBusinessKey(), OffsetDateTime.now(this.clock)));
	}

}
