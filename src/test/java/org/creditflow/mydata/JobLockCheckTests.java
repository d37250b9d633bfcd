package org.creditflow.mydata;

import java.util.Optional;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node does not start with job locks that could run out under a MyData step still
 * running, which would get the step run twice, by this node or another.
 */
class JobLockCheckTests {

	/** The shipped job executor: 30 s locks, 3 core threads, a queue of 10. */
	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(JobSettings.class)
		.withBean(JobLockCheck.class)
		.withPropertyValues("camunda.bpm.job-execution.lock-time-in-millis=30000",
				"camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.queue-capacity=10");

	@Test
	void shouldStartWithTheShippedSettings() {
		this.context.run((context) -> {
			assertThat(context).hasNotFailed();
			// four rounds of 5 s steps queued ahead of a step, and the step itself
			assertThat(context.getBean(JobLockCheck.class).longestHold()).hasSeconds(25);
		});
	}

	@Test
	void shouldRefuseALockThatSlowProvidersOutlast() {
		this.context.withPropertyValues("creditflow.mydata.telecom.timeout=PT10S")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lock-time-in-millis is 30000")
				.hasMessageContaining("at least 50000"));
	}

	@Test
	void shouldCountTheStepsQueuedAheadPerCoreThread() {
		this.context
			.withPropertyValues("camunda.bpm.job-execution.core-pool-size=1",
					"creditflow.mydata.financial.timeout=PT8S")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("queue-capacity 10 over core-pool-size 1")
				.hasMessageContaining("at least 88000"));
	}

	@Test
	void shouldNotCareOnANodeThatRunsNoJobs() {
		this.context
			.withPropertyValues("camunda.bpm.job-execution.enabled=false",
					"camunda.bpm.job-execution.lock-time-in-millis=1000")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/** The job executor as the Camunda starter makes it from the same properties. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MyDataProperties.class, CamundaBpmProperties.class })
	static class JobSettings {

		@Bean
		@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
				matchIfMissing = true)
		JobExecutor jobExecutor(CamundaBpmProperties camunda) {
			DefaultJobExecutor executor = new DefaultJobExecutor();
			Optional.ofNullable(camunda.getJobExecution().getLockTimeInMillis())
				.ifPresent(executor::setLockTimeInMillis);
			return executor;
		}

	}

}
