package org.creditflow.callback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner registers a callback and is told of its applications' final statuses: signed
 * so it can check them, retried by the engine when its server fails, an incident when
 * every attempt failed, and every attempt readable from the application's notifications.
 * Each test has a partner of its own, so no other test's applications are notified.
 */
@CreditflowIntegrationTest
class DecisionCallbackTests {

	private static final AtomicInteger PARTNERS = new AtomicInteger();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	ServiceClient service;

	String partner;

	@BeforeEach
	void createPartner() {
		this.service = new ServiceClient(this.http);
		this.partner = TestUsers.member(this.identity, "cbpartner" + PARTNERS.incrementAndGet(), "partners");
	}

	@AfterEach
	void removeCallback() {
		this.service.as(this.partner).delete("/api/callbacks");
	}

	@Test
	void shouldSendASignedNotificationOfTheDecisionOnce() throws Exception {
		try (PartnerServer server = PartnerServer.answering(200)) {
			String secret = register(server.url()).get("secret").asText();
			String id = submit(ApplicationBodies.PRIME);

			PartnerServer.Received notification = await().atMost(Duration.ofSeconds(60))
				.until(server::received, (received) -> !received.isEmpty())
				.get(0);

			JsonNode body = JSON.readTree(notification.body());
			assertThat(notification.method()).isEqualTo("POST");
			assertThat(body.get("applicationId").asText()).isEqualTo(id);
			assertThat(body.get("status").asText()).isEqualTo("APPROVED");
			assertThat(body.get("links").get("application").asText()).isEqualTo("/api/applications/" + id);
			// what the partner checks: the signature over timestamp.body with its own
			// secret
			long timestamp = Long.parseLong(notification.headers().get(Signature.TIMESTAMP_HEADER));
			assertThat(notification.headers().get(Signature.SIGNATURE_HEADER))
				.isEqualTo(Signature.sign(secret, timestamp, notification.body()))
				.isNotEqualTo(Signature.sign("another secret", timestamp, notification.body()));
			// the decision's reasons stay behind the partner's authenticated GET
			assertThat(notification.body()).doesNotContain("reason");

			JsonNode notifications = awaitNotification(id, "DELIVERED");
			assertThat(notifications).hasSize(1);
			assertThat(notifications.get(0).get("id").asText())
				.isEqualTo(notification.headers().get(Signature.DELIVERY_HEADER));
			assertThat(notifications.get(0).get("responseStatus").asInt()).isEqualTo(200);
			assertThat(notifications.get(0).get("url").asText()).isEqualTo(server.url());
			assertThat(notifications.get(0).get("applicationStatus").asText()).isEqualTo("APPROVED");
			assertThat(server.received()).hasSize(1);
			// the auditor's trail of the application shows it beside the loan process's
			// steps
			JsonNode trail = this.service.as("auditor").getForObject("/api/audit/applications/" + id, JsonNode.class);
			assertThat(trail.get("activitiesPassed")).extracting(JsonNode::asText).contains("EndEvent_Approved");
			assertThat(trail.get("timeline")).filteredOn((entry) -> entry.get("type").asText().equals("NOTIFICATION"))
				.singleElement()
				.satisfies((entry) -> assertThat(entry.get("details").get("status").asText()).isEqualTo("DELIVERED"));
		}
	}

	@Test
	void shouldRetryUntilThePartnersServerAcceptsIt() {
		try (PartnerServer server = PartnerServer.answering(500, 503, 204)) {
			register(server.url());
			String id = submit(ApplicationBodies.DELINQUENT);

			JsonNode notification = awaitNotification(id, "DELIVERED").get(0);

			assertThat(notification.get("applicationStatus").asText()).isEqualTo("DECLINED");
			assertThat(notification.get("responseStatus").asInt()).isEqualTo(204);
			assertThat(notification.get("failedAttempts")).extracting((attempt) -> attempt.get("reason").asText())
				.containsExactly("The partner's server answered 500", "The partner's server answered 503");
			// one notification: every attempt carries the same delivery id
			assertThat(server.received()).hasSize(3)
				.extracting((received) -> received.headers().get(Signature.DELIVERY_HEADER))
				.containsOnly(notification.get("id").asText());
		}
	}

	@Test
	void shouldLeaveAnIncidentWhenEveryAttemptFailed() {
		try (PartnerServer server = PartnerServer.answering(500)) {
			register(server.url());
			String id = submit(ApplicationBodies.PRIME);

			JsonNode notification = awaitNotification(id, "FAILED").get(0);

			assertThat(notification.get("failedAttempts")).hasSize(3);
			assertThat(notification.get("detail").asText()).contains("retry it from Cockpit",
					"The partner's server answered 500");
			assertThat(this.runtime.createIncidentQuery().processInstanceId(notification.get("id").asText()).count())
				.isOne();
			// the decision itself stands
			assertThat(this.service.status(id)).isEqualTo("APPROVED");
			this.runtime.deleteProcessInstance(notification.get("id").asText(), "test cleanup");
		}
	}

	@Test
	void shouldSendOnlyTheRecordedStatusToTheApplicationsOwnPartnerFromAnInstanceStartedByHand() {
		try (PartnerServer server = PartnerServer.answering(200)) {
			register(server.url());
			String id = submit(ApplicationBodies.DELINQUENT);
			awaitNotification(id, "DELIVERED");
			// an administrator may start processes: a forged status for another partner
			String forged = JSON.createObjectNode()
				.put("businessKey", id)
				.set("variables",
						JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("status",
								JSON.createObjectNode().put("value", "APPROVED"))
							.set("partner", JSON.createObjectNode().put("value", "partner")))
				.toString();
			ResponseEntity<JsonNode> started = this.service.as("admin")
				.postForEntity("/engine-rest/process-definition/key/decision-notification/start",
						ServiceClient.json(forged), JsonNode.class);
			assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();

			await().atMost(Duration.ofSeconds(60)).until(() -> server.received().size() == 2);
			assertThat(server.received())
				.extracting((received) -> JSON.readTree(received.body()).get("status").asText())
				.containsOnly("DECLINED");
		}
	}

	@Test
	void shouldNotifyNothingWithoutACallback() {
		String id = submit(ApplicationBodies.PRIME);
		this.service.awaitStatus(id, "APPROVED");

		assertThat(notifications(this.partner, id).getBody()).isEmpty();
	}

	@Test
	void shouldShowAnApplicationsNotificationsOnlyToItsPartnerAndStaff() {
		try (PartnerServer server = PartnerServer.answering(200)) {
			register(server.url());
			String id = submit(ApplicationBodies.PRIME);
			awaitNotification(id, "DELIVERED");

			assertThat(notifications("partner", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(notifications("auditor", id).getBody()).hasSize(1);
			assertThat(notifications("officer", id).getBody()).hasSize(1);
		}
	}

	@Test
	void shouldShowTheSecretOnlyWhenItIsMadeAndKeepItWhenTheUrlChanges() {
		ResponseEntity<JsonNode> first = put("https://203.0.113.10/first");
		ResponseEntity<JsonNode> changed = put("https://203.0.113.10/second");
		ResponseEntity<JsonNode> read = this.service.as(this.partner).getForEntity("/api/callbacks", JsonNode.class);
		ResponseEntity<JsonNode> rotated = this.service.as(this.partner)
			.postForEntity("/api/callbacks/secret", null, JsonNode.class);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getBody().get("secret").asText()).startsWith("whsec_").hasSize(6 + 64);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().has("secret")).isFalse();
		assertThat(read.getBody().get("url").asText()).isEqualTo("https://203.0.113.10/second");
		assertThat(read.getBody().has("secret")).isFalse();
		assertThat(rotated.getBody().get("secret").asText()).startsWith("whsec_")
			.isNotEqualTo(first.getBody().get("secret").asText());
	}

	@Test
	void shouldRefuseACallbackUrlNamingEveryProblem() {
		ResponseEntity<JsonNode> refused = put("ftp://user:password@203.0.113.10/decisions#top");
		ResponseEntity<JsonNode> unknownField = this.service.as(this.partner)
			.exchange("/api/callbacks", HttpMethod.PUT, ServiceClient.json("{\"url\": \"\", \"secret\": \"mine\"}"),
					JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors")).extracting((error) -> error.get("message").asText())
			.containsExactly("must start with https://", "must not carry a user name or password",
					"must not have a fragment (#...)");
		assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownField.getBody().get("errors")).extracting((error) -> error.get("field").asText())
			.containsExactlyInAnyOrder("url", "secret");
		assertThat(this.service.as(this.partner).getForEntity("/api/callbacks", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldLetOnlyPartnersRegisterACallback() {
		ResponseEntity<JsonNode> officer = this.service.as("officer")
			.exchange("/api/callbacks", HttpMethod.PUT, ServiceClient.json("{\"url\": \"https://203.0.113.10/x\"}"),
					JsonNode.class);

		assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private JsonNode register(String url) {
		ResponseEntity<JsonNode> registered = put(url);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
		return registered.getBody();
	}

	private ResponseEntity<JsonNode> put(String url) {
		return this.service.as(this.partner)
			.exchange("/api/callbacks", HttpMethod.PUT,
					ServiceClient.json(JSON.createObjectNode().put("url", url).toString()), JsonNode.class);
	}

	private String submit(String persona) {
		return this.service.as(this.partner)
			.postForObject("/api/applications", ServiceClient.json(ApplicationBodies.body(persona).toString()),
					JsonNode.class)
			.get("id")
			.asText();
	}

	private JsonNode awaitNotification(String id, String status) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> notifications(this.partner, id).getBody(), (notifications) -> notifications.size() == 1
					&& notifications.get(0).get("status").asText().equals(status));
	}

	private ResponseEntity<JsonNode> notifications(String user, String id) {
		return this.service.as(user).getForEntity("/api/applications/" + id + "/notifications", JsonNode.class);
	}

}
