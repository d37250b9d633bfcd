package org.creditflow.application;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators see how many applications ended, and how.
 */
@CreditflowIntegrationTest
class DecisionMetricsTests {

	private static final String APPROVED_BY_RULES = "/actuator/metrics/creditflow.applications.decided"
			+ "?tag=outcome:APPROVED&tag=decider:rules";

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldCountDecisionsByOutcomeAndDecider() {
		double before = approvedByRules();
		ServiceClient service = new ServiceClient(this.http);

		service.awaitStatus(service.submit(TestApplications.body(TestApplications.PRIME)), "APPROVED");

		// counted after commit; applications of earlier tests may still be finishing, so
		// at least one more
		await().atMost(Duration.ofSeconds(5)).until(() -> approvedByRules() >= before + 1);
		assertThat(approvedByRules()).isGreaterThanOrEqualTo(before + 1);
	}

	private double approvedByRules() {
		ResponseEntity<JsonNode> metric = this.http.withBasicAuth("admin", "admin")
			.getForEntity(APPROVED_BY_RULES, JsonNode.class);
		return metric.getStatusCode().is2xxSuccessful()
				? metric.getBody().get("measurements").get(0).get("value").asDouble() : 0;
	}

}
