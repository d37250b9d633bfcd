package org.creditflow.portfolio;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A senior officer approves a referred application at a better rate than the rules
 * offered (with a second senior's approval): the risk team sees it as an override of that
 * officer's, and only the risk team sees it.
 */
@CreditflowIntegrationTest
class OverridesApiTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldShowAnApprovalOnBetterTermsAsTheOfficersOverride() {
		ServiceClient service = new ServiceClient(this.http);
		JsonNode before = overrides(service);
		String application = service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String review = service.awaitTask(application, "Task_ReviewApplication").get("id").asText();
		assertThat(service
			.complete("senior", review,
					Map.of("reviewDecision", "APPROVE", "approvedRate", 5.0, "reviewComment", "loyal customer"))
			.getStatusCode()
			.value()).isEqualTo(204);
		String second = service.awaitTask(application, "Task_SecondApproval").get("id").asText();
		assertThat(service
			.complete("senior2", second, Map.of("secondApprovalDecision", "APPROVE", "secondApprovalComment", "agreed"))
			.getStatusCode()
			.value()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> service.status(application), "APPROVED"::equals);

		JsonNode after = overrides(service);

		assertThat(after.get("reviewed").asInt()).isEqualTo(before.get("reviewed").asInt() + 1);
		assertThat(after.get("byKind").path("BETTER_TERMS").asInt())
			.isEqualTo(before.get("byKind").path("BETTER_TERMS").asInt() + 1);
		assertThat(overriddenBy(after, "senior")).isEqualTo(overriddenBy(before, "senior") + 1);
		assertThat(after.get("performance").findValuesAsText("loans")).containsExactly("approved against the score",
				"approved on better terms", "approved as the rules would have");
		assertThat(
				service.as("officer").getForEntity("/api/monitoring/overrides", JsonNode.class).getStatusCode().value())
			.isEqualTo(403);
	}

	private static JsonNode overrides(ServiceClient service) {
		return service.as("riskmanager").getForObject("/api/monitoring/overrides", JsonNode.class);
	}

	private static int overriddenBy(JsonNode report, String officer) {
		for (JsonNode count : report.get("byOfficer")) {
			if (count.get("key").asText().equals(officer)) {
				return count.get("overridden").asInt();
			}
		}
		return 0;
	}

}
