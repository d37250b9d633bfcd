package org.creditflow.security;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.ServiceClient;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application the rules referred to loan officers, waiting at its review task: what
 * most attacks start from, and the state they must leave exactly as it was.
 */
record Referral(ServiceClient service, String applicationId, String taskId, String processInstanceId) {

	/** Submitted by the partner; an ordinary file the rules refer. */
	static Referral submit(ServiceClient service) {
		return of(service, service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE)));
	}

	static Referral of(ServiceClient service, String applicationId) {
		JsonNode task = service.awaitTask(applicationId, "Task_ReviewApplication");
		return new Referral(service, applicationId, task.get("id").asText(), task.get("processInstanceId").asText());
	}

	static Referral submitAs(ServiceClient service, String user, ObjectNode body) {
		JsonNode created = service.as(user)
			.postForObject("/api/applications", ServiceClient.json(body.toString()), JsonNode.class);
		return of(service, created.get("id").asText());
	}

	/**
	 * Nothing moved: the application is still in review with no decision, its process
	 * still waits at the same review task, and the audit chain is intact.
	 */
	void assertUntouched() {
		JsonNode application = this.service.as("officer")
			.getForObject("/api/applications/" + this.applicationId, JsonNode.class);
		assertThat(application.get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(application.has("decision")).isFalse();
		JsonNode tasks = this.service.as("admin")
			.getForObject("/engine-rest/task?processInstanceId=" + this.processInstanceId, JsonNode.class);
		assertThat(tasks).extracting((task) -> task.get("id").asText()).containsExactly(this.taskId);
		assertChainIntact(this.service);
	}

	/** The decision the application ended with, once it has one. */
	JsonNode awaitDecision() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.service.status(this.applicationId), (status) -> !status.equals("IN_REVIEW"));
		return this.service.as("officer").getForObject("/api/applications/" + this.applicationId, JsonNode.class);
	}

	/** A process variable as the engine holds it (read as the administrator). */
	JsonNode variable(String name) {
		return variableEntity(name).getBody();
	}

	boolean hasVariable(String name) {
		return variableEntity(name).getStatusCode().is2xxSuccessful();
	}

	private ResponseEntity<JsonNode> variableEntity(String name) {
		return this.service.as("admin")
			.getForEntity("/engine-rest/process-instance/" + this.processInstanceId + "/variables/" + name,
					JsonNode.class);
	}

	static void assertChainIntact(ServiceClient service) {
		JsonNode check = service.as("auditor").getForObject("/api/audit/verify", JsonNode.class);
		assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
	}

}
