package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyDecline}: the application is declined, with the reasons the applicant
 * has a right to know.
 */
@Component
class DeclineApplicationDelegate implements JavaDelegate {

	private final DecisionRecorder recorder;

	DeclineApplicationDelegate(DecisionRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recorder.decline(execution);
	}

}
