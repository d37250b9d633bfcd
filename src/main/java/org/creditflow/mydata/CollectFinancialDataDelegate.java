package org.creditflow.mydata;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_CollectFinancialData}: bank accounts, loans, cards and bureau data.
 */
@Component
class CollectFinancialDataDelegate implements JavaDelegate {

	private final DataCollector collector;

	CollectFinancialDataDelegate(DataCollector collector) {
		this.collector = collector;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.collector.collect(execution.getProcessBusinessKey(), DataSource.FINANCIAL);
	}

}
