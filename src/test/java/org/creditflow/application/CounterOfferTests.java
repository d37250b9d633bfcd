package org.creditflow.application;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.TestUsers;
import org.creditflow.callback.PartnerServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * When only the amount asked breaks the DSR limit, the rules offer the largest loan that
 * fits instead of declining, the Open API and the explanation show it, and the loan is
 * granted only once the applicant accepts it through the API; otherwise it lapses.
 */
@CreditflowIntegrationTest
class CounterOfferTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldOfferTheLargestLoanThatFitsAndGrantItOnceAccepted() {
		String id = this.service.awaitStatus(submitOverTheDsrLimit(), "OFFERED");

		JsonNode offered = get("partner", id);
		JsonNode offer = offered.get("counterOffer");
		assertThat(offered.has("decision")).as("no decision before the applicant accepts").isFalse();
		assertThat(offer.get("requestedAmount").asLong()).isEqualTo(20_000_000);
		assertThat(offer.get("amount").asLong()).isBetween(1_000_000L, 19_990_000L);
		assertThat(offer.get("termMonths").asInt()).isEqualTo(36);
		assertThat(offer.get("reasons")).extracting((reason) -> reason.get("code").asText())
			.contains("LIMIT_REDUCED_DSR");
		assertThat(OffsetDateTime.parse(offer.get("acceptBy").asText())).isCloseTo(OffsetDateTime.now().plusDays(14),
				within(5, java.time.temporal.ChronoUnit.MINUTES));
		JsonNode explanation = get("partner", id + "/explanation").get("offer");
		assertThat(explanation.get("counterOffer").asBoolean()).isTrue();
		assertThat(explanation.get("amount").asLong()).isEqualTo(offer.get("amount").asLong());

		ResponseEntity<JsonNode> accepted = accept("partner", id);

		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody().get("status").asText()).isEqualTo("APPROVED");
		JsonNode decision = get("partner", id).get("decision");
		assertThat(decision.get("limit").asLong()).isEqualTo(offer.get("amount").asLong());
		assertThat(decision.get("rate").decimalValue()).isEqualByComparingTo(offer.get("rate").decimalValue());
		assertThat(decision.get("decidedBy").asText()).isEqualTo("rules");
		assertThat(accept("partner", id).getBody().get("status").asText()).as("accepting again changes nothing")
			.isEqualTo("APPROVED");
	}

	@Test
	void shouldLetTheOfferLapseWhenTheApplicantDoesNotAcceptItInTime() {
		String id = this.service.awaitStatus(submitOverTheDsrLimit(), "OFFERED");

		String process = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(id)
			.singleResult()
			.getId();
		Job timer = this.management.createJobQuery().processInstanceId(process).timers().singleResult();
		assertThat(timer.getDuedate()).isAfter(java.util.Date.from(OffsetDateTime.now().plusDays(13).toInstant()));
		this.management.executeJob(timer.getId());

		JsonNode expired = get("partner", id);
		assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
		assertThat(expired.get("statusReason").asText()).contains("counter-offer was not accepted within 14 days");
		assertThat(accept("partner", id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldAcceptOnlyAnOfferThatIsWaitingFromTheApplicantsOwnChannel() {
		String offered = this.service.awaitStatus(submitOverTheDsrLimit(), "OFFERED");
		String inReview = this.service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		this.service.awaitTask(inReview, "Task_ReviewApplication");

		assertThat(accept("officer", offered).getStatusCode()).as("the applicant's choice, not the bank's")
			.isEqualTo(HttpStatus.FORBIDDEN);
		// nor through the engine's REST API, the message the acceptance correlates
		String message = "{\"messageName\": \"CounterOfferAccepted\", \"businessKey\": \"" + offered + "\"}";
		for (String user : List.of("officer", "partner")) {
			assertThat(this.service.as(user)
				.exchange("/engine-rest/message", HttpMethod.POST, ServiceClient.json(message), String.class)
				.getStatusCode()
				.value()).as(user).isIn(400, 401, 403, 404);
		}
		assertThat(get("partner", offered).get("status").asText()).isEqualTo("OFFERED");
		ResponseEntity<JsonNode> notOffered = accept("partner", inReview);
		assertThat(notOffered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(notOffered.getBody().get("detail").asText()).contains("has no counter-offer to accept");
		// refusing the offer is withdrawing the application
		assertThat(this.service.as("partner")
			.postForObject("/api/applications/" + offered + "/withdraw", null, JsonNode.class)
			.get("status")
			.asText()).isEqualTo("WITHDRAWN");
		assertThat(accept("partner", offered).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldTellThePartnersCallbackOfTheOfferAndThenOfTheDecision() {
		String partner = TestUsers.member(this.identity, "offerpartner", "partners");
		try (PartnerServer server = PartnerServer.answering(200)) {
			assertThat(this.service.as(partner)
				.exchange("/api/callbacks", HttpMethod.PUT, ServiceClient.json("{\"url\": \"" + server.url() + "\"}"),
						JsonNode.class)
				.getStatusCode()
				.is2xxSuccessful()).isTrue();
			String id = this.service.as(partner)
				.postForObject("/api/applications", ServiceClient.json(overTheDsrLimit().toString()), JsonNode.class)
				.get("id")
				.asText();
			this.service.awaitStatus(id, "OFFERED");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> events(server), (events) -> events.contains("application.offered OFFERED"));

			assertThat(accept(partner, id).getBody().get("status").asText()).isEqualTo("APPROVED");

			await().atMost(Duration.ofSeconds(60))
				.until(() -> events(server), (events) -> events
					.equals(List.of("application.offered OFFERED", "application.decided APPROVED")));
		}
		finally {
			this.service.as(partner).delete("/api/callbacks");
		}
	}

	private static List<String> events(PartnerServer server) {
		return server.received().stream().map((received) -> {
			try {
				JsonNode body = new ObjectMapper().readTree(received.body());
				return body.get("event").asText() + " " + body.get("status").asText();
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * The standard prime applicant declaring 1 million a month: 20 million (counted over
	 * five years, as a credit loan) would take repayments over 40 % of it, a smaller loan
	 * would not.
	 */
	private String submitOverTheDsrLimit() {
		return this.service.submit(overTheDsrLimit());
	}

	private static ObjectNode overTheDsrLimit() {
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		// one simulated person, the same on every database: prime people differ in the
		// loans they hold, and some hold enough that not even the smallest loan fits
		((ObjectNode) body.get("applicant")).put("phone", "010-1000-0000").put("annualIncome", 12_000_000L);
		return body;
	}

	private ResponseEntity<JsonNode> accept(String user, String id) {
		return this.service.as(user).postForEntity("/api/applications/" + id + "/offer/accept", null, JsonNode.class);
	}

	private JsonNode get(String user, String path) {
		return this.service.as(user).getForObject("/api/applications/" + path, JsonNode.class);
	}

}
