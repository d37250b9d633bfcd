package org.creditflow.mydata;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_CollectTelecomData}: phone-bill payments, tenure and device instalments.
 */
@Component
class CollectTelecomDataDelegate implements JavaDelegate {

	private final DataCollector collector;

	CollectTelecomDataDelegate(DataCollector collector) {
		this.collector = collector;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.collector.collect(execution.getProcessBusinessKey(), DataSource.TELECOM);
	}

}
