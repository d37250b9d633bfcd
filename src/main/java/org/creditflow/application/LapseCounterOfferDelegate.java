package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordOfferLapsed}: the applicant did not accept the counter-offer in time.
 */
@Component
class LapseCounterOfferDelegate implements JavaDelegate {

	private final DecisionRecorder recorder;

	private final DecisionProperties properties;

	LapseCounterOfferDelegate(DecisionRecorder recorder, DecisionProperties properties) {
		this.recorder = recorder;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recorder.expire(execution,
				"The counter-offer was not accepted within " + this.properties.counterOfferValidity().toDays()
						+ " days (creditflow.decisions.counter-offer-validity)");
	}

}
