package org.creditflow.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.SeparateService;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.InService;
import org.creditflow.scoring.InvalidRulesetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * What happens when something breaks: nothing is half-written, nothing is lost silently.
 */
@CreditflowIntegrationTest
class FaultTests {

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path rules;

	@Test
	void shouldRetryAFailingStepAndThenRaiseAnIncidentWithoutWritingHalfOfIt() {
		// a process whose application cannot be read: every attempt of the MyData steps
		// fails
		ProcessInstance process = this.runtime.startProcessInstanceByKey(LoanProcess.KEY, "no-such-application",
				Map.of(Variables.REQUESTED_AMOUNT, 1_000_000L, Variables.FINANCIAL_CONSENT, true,
						Variables.TELECOM_CONSENT, true));

		Incident incident = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runtime.createIncidentQuery().processInstanceId(process.getId()).list(),
					(incidents) -> !incidents.isEmpty())
			.get(0);

		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getActivityId()).isIn("Task_CollectFinancialData", "Task_CollectTelecomData");
		assertThat(incident.getIncidentMessage()).contains("No loan application no-such-application");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isOne();
		assertThat(this.jdbc.sql("select count(*) from data_snapshot where application_id = 'no-such-application'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void shouldRefuseToStartWithARuleFileThatDoesNotCompile() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = this.rules.resolve(Path.of("rules").relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		Path policy = this.rules.resolve("credit/policy.drl");
		Files.writeString(policy,
				Files.readString(policy).replace("Applicant( age < $minimumAge )", "Applicant( age < )"));

		// a database of its own, whatever profile the suite runs in: with a champion in
		// it,
		// the folder would only be the candidate and the service would start
		List<String> args = List.of("--spring.profiles.active=default",
				"--spring.datasource.url=jdbc:h2:mem:broken-rules-" + UUID.randomUUID(),
				"--camunda.bpm.job-execution.enabled=false", "--creditflow.rules.location=" + this.rules);

		Throwable refusal = catchThrowable(() -> {
			try (ConfigurableApplicationContext started = SeparateService.start("broken",
					args.toArray(String[]::new))) {
				InService inService = started.getBean(ActiveRuleset.class).inService();
				throw new AssertionError("started with ruleset " + inService.champion().version() + " from "
						+ inService.champion().origin());
			}
		});
		assertThat(refusal).isNotInstanceOf(AssertionError.class)
			.hasRootCauseInstanceOf(InvalidRulesetException.class)
			.rootCause()
			.hasMessageContaining("credit/policy.drl:");
	}

}
