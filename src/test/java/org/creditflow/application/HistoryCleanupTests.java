package org.creditflow.application;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.HousekeepingTimers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camunda's history does not grow for ever: every process keeps its history for its time
 * to live after an instance ends, and the engine's cleanup job removes what is due in a
 * nightly window.
 */
@CreditflowIntegrationTest
class HistoryCleanupTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Test
	void shouldCleanUpHistoryInANightlyWindowByEachProcesssTimeToLive() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
		assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
		List<ProcessDefinition> processes = this.repository.createProcessDefinitionQuery().latestVersion().list();
		assertThat(processes).extracting(ProcessDefinition::getKey)
			.contains(LoanProcess.KEY, "payload-retention", "audit-chain-check");
		assertThat(processes).allSatisfy(
				(process) -> assertThat(process.getHistoryTimeToLive()).as(process.getKey() + " history time to live")
					.isPositive());
	}

	@Test
	void shouldRemoveTheHistoryOfAnInstanceWhoseRemovalTimeHasCome() {
		String ended = new HousekeepingTimers(this.management, this.history).runNow("audit-chain-check");
		Date yesterday = new Date(System.currentTimeMillis() - Duration.ofDays(1).toMillis());
		Batch removalTime = this.history.setRemovalTimeToHistoricProcessInstances()
			.absoluteRemovalTime(yesterday)
			.byIds(ended)
			.executeAsync();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.management.createBatchQuery().batchId(removalTime.getId()).count() == 0);

		Job cleanup = this.history.cleanUpHistoryAsync(true);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.history.createHistoricProcessInstanceQuery().processInstanceId(ended).count() == 0);
		Job after = this.management.createJobQuery().jobId(cleanup.getId()).singleResult();
		assertThat(after).as("the cleanup job stays, scheduled for the next window").isNotNull();
		assertThat(after.getExceptionMessage()).isNull();
	}

}
