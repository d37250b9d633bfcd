package org.creditflow.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk team reads the stability of the month's applicants against the development
 * sample of the ruleset that assessed them; nobody else reads it.
 */
@CreditflowIntegrationTest
class StabilityApiTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldCountAnApplicationIntoTheMonthOfTheRulesetThatAssessedIt() {
		ServiceClient service = new ServiceClient(this.http);
		String application = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		service.awaitStatus(application, "APPROVED");
		String version = service.as("officer")
			.getForObject("/api/applications/" + application, JsonNode.class)
			.at("/decision/rulesetVersion")
			.asText();
		JsonNode before = stability(service, version);
		String second = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		service.awaitStatus(second, "APPROVED");

		JsonNode after = stability(service, version);

		assertThat(after.get("rulesetVersion").asText()).isEqualTo(version);
		assertThat(after.get("developmentSample").asBoolean()).isTrue();
		assertThat(after.get("watch").asDouble()).isEqualTo(0.10);
		assertThat(after.get("shift").asDouble()).isEqualTo(0.25);
		JsonNode month = after.get("months").get(0);
		JsonNode earlier = before.get("months").get(0);
		assertThat(month.get("applications").asLong()).isEqualTo(earlier.get("applications").asLong() + 1);
		assertThat(month.get("approved").asLong()).isEqualTo(earlier.get("approved").asLong() + 1);
		assertThat(month.get("approvalRate").asDouble()).isPositive();
		JsonNode segment = segment(month, "FULL_FILE");
		assertThat(segment.get("applications").asLong())
			.isEqualTo(segment(earlier, "FULL_FILE").get("applications").asLong() + 1);
		assertThat(segment.at("/score/applications").asLong()).isEqualTo(segment.get("applications").asLong());
		assertThat(segment.at("/score/status").asText()).isEqualTo("TOO_FEW");
		assertThat(segment.at("/score/bins").size()).isEqualTo(10);
		assertThat(segment.get("characteristics").findValuesAsText("characteristic"))
			.contains("FinancialProfile.bureauScore", "TelecomProfile.monthsOfTenure");
	}

	@Test
	void shouldNameWhatIsWrongWithTheQuestion() {
		ServiceClient service = new ServiceClient(this.http);

		ResponseEntity<JsonNode> unknown = service.as("analyst")
			.getForEntity("/api/monitoring/stability?rulesetVersion=" + "0".repeat(64), JsonNode.class);
		ResponseEntity<JsonNode> noMonths = service.as("analyst")
			.getForEntity("/api/monitoring/stability?months=0", JsonNode.class);

		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(noMonths.getStatusCode().value()).isEqualTo(400);
		assertThat(noMonths.getBody().toString()).contains("months");
		assertThat(
				service.as("analyst").getForEntity("/api/monitoring/stability", JsonNode.class).getBody().get("months"))
			.hasSize(12);
	}

	@Test
	void shouldShowTheStabilityToTheRiskTeamAndTheAuditorsOnly() {
		ServiceClient service = new ServiceClient(this.http);
		for (String user : new String[] { "analyst", "riskmanager", "auditor" }) {
			assertThat(status(service, user)).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "officer", "senior", "servicer", "partner" }) {
			assertThat(status(service, user)).as(user).isEqualTo(403);
		}
	}

	private static int status(ServiceClient service, String user) {
		return service.as(user)
			.getForEntity("/api/monitoring/stability?months=1", String.class)
			.getStatusCode()
			.value();
	}

	private static JsonNode stability(ServiceClient service, String version) {
		return service.as("analyst")
			.getForObject("/api/monitoring/stability?months=1&rulesetVersion=" + version, JsonNode.class);
	}

	private static JsonNode segment(JsonNode month, String name) {
		for (JsonNode segment : month.get("segments")) {
			if (segment.get("segment").asText().equals(name)) {
				return segment;
			}
		}
		throw new AssertionError("no segment " + name + " in " + month);
	}

}
