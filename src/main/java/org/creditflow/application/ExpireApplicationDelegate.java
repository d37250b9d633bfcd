package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.creditflow.application.LoanProcess.Variables;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordExpiry}: the applicant did not send the information an officer asked
 * for in time.
 */
@Component
class ExpireApplicationDelegate implements JavaDelegate {

	private final DecisionRecorder recorder;

	ExpireApplicationDelegate(DecisionRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recorder.expire(execution, "No answer in time to the officer's request for information: "
				+ execution.getVariable(Variables.INFORMATION_REQUESTED));
	}

}
