package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_IssueOffer}: the application is approved, by the rules or by officers, with
 * the offer they settled on.
 */
@Component
class ApproveApplicationDelegate implements JavaDelegate {

	private final DecisionRecorder recorder;

	ApproveApplicationDelegate(DecisionRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recorder.approve(execution);
	}

}
