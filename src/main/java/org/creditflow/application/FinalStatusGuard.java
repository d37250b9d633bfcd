package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

/**
 * Listens to the end of every {@code loan-application} process instance and refuses an
 * end that leaves the application without a final status: a BPMN error nothing catches, a
 * cancelled instance, a path someone forced. The engine rolls the whole command back, so
 * the application keeps waiting where it was instead of staying "in review" for ever with
 * no process behind it.
 */
@Component
class FinalStatusGuard implements ExecutionListener {

	private final LoanApplicationRepository applications;

	FinalStatusGuard(LoanApplicationRepository applications) {
		this.applications = applications;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String id = execution.getProcessBusinessKey();
		ApplicationStatus status = this.applications.findById(id).map(LoanApplication::status).orElse(null);
		if (status == null || !status.isFinal()) {
			throw new UnsettledDecisionException("Application " + id + " is " + status
					+ ": its process cannot end before the application is approved, declined, withdrawn or expired. "
					+ "To stop it, withdraw the application (POST /api/applications/" + id + "/withdraw).");
		}
	}

}
