package org.creditflow.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the tests read from a running node over HTTP, as the demo users (password = name).
 */
final class NodeApi {

	/** Where an application rests when nothing is left for the engine to do. */
	static final List<String> SETTLED = List.of("APPROVED", "OFFERED", "DECLINED", "IN_REVIEW");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI node;

	NodeApi(URI node) {
		this.node = node;
	}

	/**
	 * Applications decided or waiting at their review task (a status the task's own
	 * transaction writes).
	 */
	/**
	 * The process jobs still waiting, as an administrator sees them: what a test that
	 * timed out waiting for decisions reports.
	 */
	String pendingJobs() {
		return get("admin", "/engine-rest/job?processDefinitionKey=loan-application").toString();
	}

	long settled() {
		return SETTLED.stream()
			.mapToLong((status) -> get("officer", "/api/applications?size=1&status=" + status).get("total").asLong())
			.sum();
	}

	/** Whether the partner who submitted it can read it (404 when it does not exist). */
	boolean exists(String applicationId) {
		int status = send("partner", "/api/applications/" + applicationId).statusCode();
		if (status != 200 && status != 404) {
			throw new IllegalStateException("reading application " + applicationId + " answered " + status);
		}
		return status == 200;
	}

	/** The decision chain check, as an auditor runs it. */
	JsonNode verifyAuditChain() {
		return get("auditor", "/api/audit/verify");
	}

	private JsonNode get(String user, String path) {
		HttpResponse<String> response = send(user, path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> send(String user, String path) {
		HttpRequest request = HttpRequest.newBuilder(this.node.resolve(path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
