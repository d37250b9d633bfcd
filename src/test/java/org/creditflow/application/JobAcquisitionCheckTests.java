package org.creditflow.application;

import java.io.IOException;
import java.util.Optional;

import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node does not start with job acquisition that would spin while idle: an idle service
 * that burns a core, and under load takes it from the real work.
 */
class JobAcquisitionCheckTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(JobSettings.class)
		.withBean(JobAcquisitionCheck.class);

	@Test
	void shouldBackOffWhileIdleWithTheShippedSettings() throws IOException {
		JobExecutor executor = executor(packagedJobExecution());

		assertThat(JobAcquisitionCheck.idleWaitInMillis(executor)).isEqualTo(executor.getMaxWait())
			.isGreaterThanOrEqualTo(executor.getWaitTimeInMillis())
			.isPositive();
	}

	@Test
	void shouldStartWithCamundasDefaults() {
		this.context.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void shouldRefuseAMaximumWaitBelowTheFirstWait() {
		// what application.yml said until issue 15: an idle service used a whole core
		this.context.withPropertyValues("camunda.bpm.job-execution.max-wait=2000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("without pause while idle (it waits 0 ms")
				.hasMessageContaining("max-wait (2000) must be at least wait-time-in-millis (5000)"));
	}

	@Test
	void shouldRefuseABackOffThatCannotGrow() {
		this.context
			.withPropertyValues("camunda.bpm.job-execution.wait-time-in-millis=0",
					"camunda.bpm.job-execution.max-wait=2000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("without pause while idle"));
	}

	@Test
	void shouldNotCareOnANodeThatRunsNoJobs() {
		this.context
			.withPropertyValues("camunda.bpm.job-execution.enabled=false", "camunda.bpm.job-execution.max-wait=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	/** A job executor with the acquisition settings, as the Camunda starter sets them. */
	static JobExecutor executor(JobExecutionProperty settings) {
		DefaultJobExecutor executor = new DefaultJobExecutor();
		Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
		Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
		Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
		Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
		return executor;
	}

	/**
	 * The job execution settings of the packaged application.yml, without test overrides.
	 */
	private static JobExecutionProperty packagedJobExecution() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("packaged", new FileSystemResource("src/main/resources/application.yml"))
			.forEach(environment.getPropertySources()::addFirst);
		return Binder.get(environment).bind("camunda.bpm", CamundaBpmProperties.class).get().getJobExecution();
	}

	/** The job executor as the Camunda starter makes it from the same properties. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CamundaBpmProperties.class)
	static class JobSettings {

		@Bean
		@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
				matchIfMissing = true)
		JobExecutor jobExecutor(CamundaBpmProperties camunda) {
			return executor(camunda.getJobExecution());
		}

	}

}
