package org.creditflow;

import java.time.Duration;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs a housekeeping process ({@code payload-retention}, {@code audit-chain-check}) the
 * way production does: its timer falls due and the job executor takes it. The tests'
 * settings put those timers ten years ahead, so they run only when a test asks.
 */
public final class HousekeepingTimers {

	private final ManagementService management;

	private final HistoryService history;

	public HousekeepingTimers(ManagementService management, HistoryService history) {
		this.management = management;
		this.history = history;
	}

	/**
	 * Makes the process's timer due now and waits until the instance it starts has ended.
	 * @return the ended instance's id
	 */
	public synchronized String runNow(String processKey) {
		Job timer = this.management.createJobQuery().processDefinitionKey(processKey).timers().singleResult();
		assertThat(timer).as("the timer of " + processKey).isNotNull();
		Set<String> before = Set.copyOf(this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList());

		this.management.setJobDuedate(timer.getId(), new Date());

		return await().atMost(Duration.ofSeconds(60))
			.failFast("a job of " + processKey + " failed",
					() -> this.management.createJobQuery().processDefinitionKey(processKey).withException().count() > 0)
			.until(() -> this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(processKey)
				.finished()
				.list()
				.stream()
				.map(HistoricProcessInstance::getId)
				.filter((id) -> !before.contains(id))
				.findFirst(), java.util.Optional::isPresent)
			.get();
	}

}
