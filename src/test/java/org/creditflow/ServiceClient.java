package org.creditflow;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.awaitility.Awaitility.await;

/**
 * The service as the tests' users reach it over HTTP: the partner submits, officers find
 * and complete tasks through Camunda's REST API, anyone reads. Every user's password is
 * their name (the demo users).
 */
public final class ServiceClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate http;

	public ServiceClient(TestRestTemplate http) {
		this.http = http;
	}

	/** Submits as the partner; returns the application's id. */
	public String submit(ObjectNode body) {
		return as("partner").postForObject("/api/applications", json(body.toString()), JsonNode.class)
			.get("id")
			.asText();
	}

	public String status(String applicationId) {
		return as("officer").getForObject("/api/applications/" + applicationId, JsonNode.class).get("status").asText();
	}

	public String awaitStatus(String applicationId, String status) {
		await().atMost(Duration.ofSeconds(60)).until(() -> status(applicationId), status::equals);
		return applicationId;
	}

	/** The application's one open task of that kind, as the admin sees it. */
	public JsonNode awaitTask(String applicationId, String taskKey) {
		try {
			return await().atMost(Duration.ofSeconds(60))
				.until(() -> as("admin").getForObject("/engine-rest/task?processInstanceBusinessKey=" + applicationId
						+ "&taskDefinitionKey=" + taskKey, JsonNode.class), (tasks) -> tasks.size() == 1)
				.get(0);
		}
		catch (ConditionTimeoutException ex) {
			// where the application went instead says why far better than an empty task
			// list
			throw new AssertionError("No " + taskKey + " for " + applicationId + " within 60 s; the application: "
					+ as("officer").getForObject("/api/applications/" + applicationId, String.class) + "; its process: "
					+ as("admin").getForObject("/engine-rest/process-instance?businessKey=" + applicationId,
							String.class)
					+ "; incidents: " + as("admin").getForObject("/engine-rest/incident", String.class), ex);
		}
	}

	/** Completes a task through Camunda's REST API, as Tasklist would. */
	public ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> values) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode variables = body.putObject("variables");
		values.forEach((name, value) -> variables.putObject(name).putPOJO("value", value));
		return as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, json(body.toString()),
				JsonNode.class);
	}

	public TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, user);
	}

	public static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
