package org.creditflow.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the Open API ({@code /api/applications}) by its callers: bodies too large to
 * read, consents that were never given or are stale, an officer answering the applicant's
 * information request. Each is refused with a clear 4xx and stores nothing.
 */
@CreditflowIntegrationTest
class OpenApiAttackTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldRefuseABodyAboveTheLimitBeforeReadingItOrSigningIn() throws Exception {
		long before = applications();
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) body.get("applicant")).put("email", "x".repeat(70_000) + "@example.com");

		ResponseEntity<JsonNode> declared = this.service.as("partner")
			.postForEntity("/api/applications", ServiceClient.json(body.toString()), JsonNode.class);
		HttpResponse<String> anonymous = post(body.toString(), null, false);
		HttpResponse<String> chunked = post(body.toString(), "partner", true);

		assertThat(declared.getStatusCode().value()).isEqualTo(413);
		assertThat(declared.getBody().get("detail").asText()).contains("larger than the 65536 bytes");
		assertThat(anonymous.statusCode()).as("refused before asking who it is").isEqualTo(413);
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(applications()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAConsentFromTheFutureOrOlderThanThirtyDaysWithTheOtherProblems() {
		long before = applications();
		ObjectNode future = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) future.get("consent")).put("grantedAt", OffsetDateTime.now().plusDays(1).toString());
		ObjectNode stale = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) stale.get("consent")).put("grantedAt", OffsetDateTime.now().minusDays(31).toString());
		((ObjectNode) stale.get("loan")).put("termMonths", 0);

		JsonNode fromTheFuture = submit(future);
		JsonNode tooOld = submit(stale);

		assertThat(fromTheFuture.get("status").asInt()).isEqualTo(400);
		assertThat(fromTheFuture.get("errors").toString()).contains("consent.grantedAt")
			.contains("must not be in the future");
		assertThat(tooOld.get("status").asInt()).isEqualTo(400);
		assertThat(tooOld.get("errors").toString()).contains("within the last 30 days").contains("loan.termMonths");
		assertThat(applications()).isEqualTo(before);
	}

	@Test
	void shouldLetOnlyTheApplicantsChannelAnswerAnInformationRequest() {
		Referral referral = Referral.submit(this.service);
		ResponseEntity<JsonNode> officer = this.service.as("officer")
			.postForEntity("/api/applications/" + referral.applicationId() + "/information",
					ServiceClient.json("{\"message\": \"I vouch for the applicant\"}"), JsonNode.class);

		assertThat(officer.getStatusCode().value()).isEqualTo(403);
		referral.assertUntouched();
	}

	private JsonNode submit(ObjectNode body) {
		return this.service.as("partner")
			.postForEntity("/api/applications", ServiceClient.json(body.toString()), JsonNode.class)
			.getBody();
	}

	private long applications() {
		return this.service.as("officer")
			.getForObject("/api/applications?size=1", JsonNode.class)
			.get("total")
			.asLong();
	}

	private HttpResponse<String> post(String body, String user, boolean chunked)
			throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/applications"))
			.header("Content-Type", "application/json")
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
					: HttpRequest.BodyPublishers.ofByteArray(bytes));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
