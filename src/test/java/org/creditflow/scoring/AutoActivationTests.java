package org.creditflow.scoring;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The development setting {@code creditflow.rules.auto-activate}: with it on, a valid
 * candidate goes into service as soon as it is saved, and the audit chain records that it
 * came without a release; a broken one never does. (Off by default: see
 * {@link RulesetSwitchTests} and the release workflow tests.)
 */
class AutoActivationTests {

	@TempDir
	static Path temp;

	static RulesFolder rules;

	static ConfigurableApplicationContext service;

	@BeforeAll
	static void startService() {
		rules = RulesFolder.copyOfDefaultRules(temp.resolve("rules"));
		service = SeparateService.start("autoactivation", "--spring.profiles.active=default",
				"--camunda.bpm.job-execution.enabled=false", "--creditflow.rules.location=" + rules.root(),
				"--creditflow.rules.auto-activate=true");
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	@Test
	void shouldPutASavedValidCandidateIntoServiceAndRecordThatNoReleaseDidIt() {
		String before = get("analyst", "/api/rulesets/active").get("version").asText();
		rules.replace("credit/policy.drl", "Applicant( age < $minimumAge )", "Applicant( age < )");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !get("analyst", "/api/rulesets/candidate").get("version").asText().equals(before));
		assertThat(get("analyst", "/api/rulesets/active").get("version").asText()).isEqualTo(before);

		rules.replace("credit/policy.drl", "Applicant( age < )", "Applicant( age < $minimumAge )")
			.replace("reason-codes.csv", "Excellent credit bureau score.", "An excellent credit bureau score.");

		String version = await().atMost(Duration.ofSeconds(30))
			.until(() -> get("analyst", "/api/rulesets/active").get("servedHere").get("champion").asText(),
					(served) -> !served.equals(before));
		assertThat(get("analyst", "/api/rulesets/candidate").get("version").asText()).isEqualTo(version);
		JsonNode record = get("auditor", "/api/audit/rulesets/" + version).get("history").get(0);
		assertThat(record.get("kind").asText()).isEqualTo("RULESET_ACTIVATED");
		assertThat(record.get("actor").asText()).isEqualTo("auto-activate");
		assertThat(record.get("details").has("releaseId")).isFalse();
		assertThat(record.get("details").get("previousVersion").asText()).isEqualTo(before);
	}

	private static JsonNode get(String user, String path) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
			.defaultHeaders((headers) -> headers.setBasicAuth(user, user))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build()
			.get()
			.uri(path)
			.retrieve()
			.body(JsonNode.class);
	}

}
