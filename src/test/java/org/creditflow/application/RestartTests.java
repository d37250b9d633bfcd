package org.creditflow.application;

import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Applications and their processes survive a restart: the default profile keeps its H2
 * database in a file, the postgres profile in PostgreSQL.
 */
class RestartTests {

	@TempDir
	Path data;

	@Test
	void shouldKeepApplicationsAndTheirOpenTasksAcrossARestart() {
		String id;
		try (ConfigurableApplicationContext first = start()) {
			id = first.getBean(ApplicationIntake.class)
				.submit(TestApplications.request(TestApplications.body(TestApplications.AVERAGE)), "partner", null)
				.application()
				.id();
			LoanApplications applications = first.getBean(LoanApplications.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> applications.get(id).status() == ApplicationStatus.IN_REVIEW);
		}

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(LoanApplications.class).get(id).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
			assertThat(second.getBean(LoanApplications.class).get(id).applicant().name()).isEqualTo("김민지");
			assertThat(second.getBean(TaskService.class)
				.createTaskQuery()
				.processInstanceBusinessKey(id)
				.taskDefinitionKey("Task_ReviewApplication")
				.count()).isOne();
		}
	}

	private ConfigurableApplicationContext start() {
		if (SeparateService.onPostgres()) {
			return SeparateService.start("restart");
		}
		return SeparateService.start("restart",
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("creditflow").toAbsolutePath());
	}

}
