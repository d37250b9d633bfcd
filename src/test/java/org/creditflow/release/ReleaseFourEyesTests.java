package org.creditflow.release;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A release uploaded as a zip, and four eyes on its approval through every door the
 * shared service has: the release API, and Camunda's REST API that Tasklist completes
 * tasks with, for the submitter and for an administrator (who passes Camunda's
 * authorizations but not the release's check). The release is rejected in the end, so the
 * ruleset in service never changes here.
 */
@CreditflowIntegrationTest
class ReleaseFourEyesTests {

	@Autowired
	TestRestTemplate http;

	@TempDir
	Path temp;

	@Test
	void shouldRefuseTheSubmittersApprovalThroughEveryDoorAndTakeAnotherManagersRejection() {
		RulesFolder changed = RulesFolder.copyOfDefaultRules(this.temp.resolve("rules"))
			.replace("reason-codes.csv", "Excellent credit bureau score.", "An excellent credit bureau score.");
		ResponseEntity<JsonNode> uploaded = upload("riskmanager", RulesZip.of(changed, "rules/"),
				"Clearer reason text");
		assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
		JsonNode release = uploaded.getBody();
		assertThat(release.get("source").asText()).isEqualTo("ZIP");
		String id = release.get("id").asText();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> get("riskmanager", "/api/rulesets/releases/" + id).get("status").asText(),
					"AWAITING_APPROVAL"::equals);
		ServiceClient client = new ServiceClient(this.http);
		String taskId = client.awaitTask(id, "Task_ApproveRelease").get("id").asText();

		ResponseEntity<JsonNode> ownByApi = decide("riskmanager", id, "approve", "mine");
		ResponseEntity<JsonNode> ownClaim = client.as("riskmanager")
			.postForEntity("/engine-rest/task/" + taskId + "/claim",
					ServiceClient.json("{\"userId\": \"riskmanager\"}"), JsonNode.class);
		ResponseEntity<JsonNode> ownInTasklist = client.complete("riskmanager", taskId,
				Map.of("releaseDecision", "APPROVE", "releaseComment", "mine"));
		ResponseEntity<JsonNode> byAdmin = client.complete("admin", taskId,
				Map.of("releaseDecision", "APPROVE", "releaseComment", "ok"));
		ResponseEntity<JsonNode> byAnalyst = client.complete("analyst", taskId,
				Map.of("releaseDecision", "APPROVE", "releaseComment", "ok"));

		assertThat(ownByApi.getStatusCode().value()).isEqualTo(403);
		assertThat(ownByApi.getBody().get("detail").asText()).contains("four eyes");
		assertThat(ownClaim.getStatusCode().value()).isEqualTo(403);
		assertThat(ownClaim.getBody().toString()).contains("four eyes");
		assertThat(ownInTasklist.getStatusCode().value()).isEqualTo(403);
		assertThat(ownInTasklist.getBody().toString()).contains("four eyes");
		assertThat(byAdmin.getStatusCode().value()).isEqualTo(403);
		assertThat(byAdmin.getBody().toString()).contains("only risk managers");
		assertThat(byAnalyst.getStatusCode().value()).isIn(403, 404);
		assertThat(get("riskmanager", "/api/rulesets/releases/" + id).get("status").asText())
			.isEqualTo("AWAITING_APPROVAL");

		ResponseEntity<JsonNode> rejected = client.complete("riskmanager2", taskId,
				Map.of("releaseDecision", "REJECT", "releaseComment", "Keep the wording the regulator reviewed"));

		assertThat(rejected.getStatusCode().value()).isEqualTo(204);
		JsonNode ended = get("auditor", "/api/rulesets/releases/" + id);
		assertThat(ended.get("status").asText()).isEqualTo("REJECTED");
		assertThat(ended.get("decidedBy").asText()).isEqualTo("riskmanager2");
		assertThat(get("auditor", "/api/audit/rulesets/" + release.get("version").asText()).get("history"))
			.extracting((event) -> event.get("kind").asText() + " by " + event.get("actor").asText())
			.containsExactly("RELEASE_REJECTED by riskmanager2", "RELEASE_SUBMITTED by riskmanager");
		// records of no application keep the chain whole
		assertThat(get("auditor", "/api/audit/verify").get("valid").asBoolean()).isTrue();
	}

	@Test
	void shouldRefuseAnUploadThatIsNoRulesFolderNamingTheProblem() {
		ResponseEntity<JsonNode> notZip = upload("analyst", "not a zip".getBytes(), "x");
		ResponseEntity<JsonNode> climbing = upload("analyst",
				RulesZip.of(Map.of("../policy.properties", "age.minimum=19\n")), "x");
		ResponseEntity<JsonNode> noRules = upload("analyst", RulesZip.of(Map.of("README.md", "hello")), "x");
		ResponseEntity<JsonNode> noRationale = upload("analyst", RulesZip.of(Map.of("README.md", "hello")), "");

		assertThat(notZip.getStatusCode().value()).isEqualTo(400);
		assertThat(climbing.getStatusCode().value()).isEqualTo(400);
		assertThat(climbing.getBody().toString()).contains("is not a path inside a rules folder");
		assertThat(noRules.getStatusCode().value()).isEqualTo(400);
		assertThat(noRules.getBody().toString()).contains("holds no rule files");
		assertThat(noRationale.getStatusCode().value()).isEqualTo(400);
		assertThat(noRationale.getBody().get("errors").get(0).get("field").asText()).isEqualTo("rationale");
	}

	private ResponseEntity<JsonNode> upload(String user, byte[] zip, String rationale) {
		return new ReleaseClient(this.http).upload(user, zip, rationale);
	}

	private ResponseEntity<JsonNode> decide(String user, String id, String decision, String comment) {
		return new ReleaseClient(this.http).decide(user, id, decision, comment);
	}

	private JsonNode get(String user, String path) {
		return this.http.withBasicAuth(user, user).getForObject(path, JsonNode.class);
	}

}
