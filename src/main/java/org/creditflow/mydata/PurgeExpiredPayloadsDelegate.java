package org.creditflow.mydata;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PurgeExpiredPayloads} of {@code payload-retention.bpmn}: started by the
 * process's timer, so one node of the cluster purges, on the job executor, without a
 * signed-in person. How many applications it purged stays on the instance for Cockpit.
 */
@Component
class PurgeExpiredPayloadsDelegate implements JavaDelegate {

	static final String PURGED_APPLICATIONS = "purgedApplications";

	private final PayloadRetention retention;

	PurgeExpiredPayloadsDelegate(PayloadRetention retention) {
		this.retention = retention;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(PURGED_APPLICATIONS, this.retention.purgeExpired());
	}

}
