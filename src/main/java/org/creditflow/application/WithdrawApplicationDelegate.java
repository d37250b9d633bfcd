package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordWithdrawal}: the applicant withdrew; whatever step the application
 * was in has been cancelled by the event subprocess.
 */
@Component
class WithdrawApplicationDelegate implements JavaDelegate {

	private final DecisionRecorder recorder;

	WithdrawApplicationDelegate(DecisionRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.recorder.withdraw(execution);
	}

}
