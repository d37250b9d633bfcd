package org.creditflow.application;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bare engine exists only where its profile is on: there an instance started over the
 * API runs to its end on the job executor, and the API says how it ended and when;
 * elsewhere neither its process nor its door exists.
 */
@CreditflowIntegrationTest
class BareEngineTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RepositoryService repository;

	@Test
	void shouldNotExistWithoutItsProfile() {
		ResponseEntity<String> answer = this.http.withBasicAuth("partner", "partner")
			.postForEntity("/api/bare-engine/instances?band=APPROVE", null, String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(BareEngineModel.PROCESS_KEY)
			.count()).isZero();
	}

	@Test
	void shouldRunAnInstanceToItsDecisionWithItsProfile() {
		try (ConfigurableApplicationContext service = SeparateService.start("bareengine",
				"--spring.profiles.active=demo," + BareEngine.PROFILE,
				"--spring.datasource.url=jdbc:h2:mem:bare-engine;DB_CLOSE_DELAY=-1")) {
			TestRestTemplate partner = new TestRestTemplate("partner", "partner");
			String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port")
					+ "/api/bare-engine/instances";

			ResponseEntity<JsonNode> started = partner.postForEntity(base + "?band=DECLINE", null, JsonNode.class);
			assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			String id = started.getBody().get("id").asText();

			JsonNode ended = await().atMost(Duration.ofSeconds(30))
				.until(() -> partner.getForObject(base + "/" + id, JsonNode.class),
						(instance) -> !"RUNNING".equals(instance.get("status").asText()));
			assertThat(ended.get("status").asText()).isEqualTo("DECLINED");
			assertThat(ended.get("decidedAt").asText()).isGreaterThanOrEqualTo(ended.get("submittedAt").asText());
			assertThat(partner.postForEntity(base + "?band=REFER", null, String.class).getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(new TestRestTemplate("partner", "wrong").postForEntity(base, null, String.class).getStatusCode())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

}
