package org.creditflow.application;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.TestUsers;
import org.creditflow.callback.PartnerServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An applicant contests a decline through their channel (Credit Information Act art.
 * 36-2, PIPA art. 37-2): the contest is assessed again on fresh data, reaches an officer
 * who did not decide the decline unless the rules now approve it, its outcome is notified
 * like any decision, and both applications' audit trails lead to each other. Each test
 * has a partner of its own, so its callback hears of its applications only.
 */
@CreditflowIntegrationTest
class ContestTests {

	private static final AtomicInteger PARTNERS = new AtomicInteger();

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	ServiceClient service;

	String partner;

	@BeforeEach
	void createPartner() {
		this.service = new ServiceClient(this.http);
		this.partner = TestUsers.member(this.identity, "contestpartner" + PARTNERS.incrementAndGet(), "partners");
	}

	@AfterEach
	void removeCallback() {
		this.service.as(this.partner).delete("/api/callbacks");
	}

	@Test
	void shouldHaveAnotherOfficerReviewAContestedDeclineAndNotifyTheOutcome() {
		try (PartnerServer server = PartnerServer.answering(200)) {
			register(server.url());
			String declined = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
			decline("officer", declined);

			ResponseEntity<JsonNode> created = contest(declined, "HUMAN_REVIEW",
					"My income rose in October; the branch has my employer's statement.", 60_000_000L);

			assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
			String contest = created.getBody().get("id").asText();
			assertThat(contest).isNotEqualTo(declined);
			assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + contest);
			String taskId = this.service.awaitTask(contest, "Task_ReviewApplication").get("id").asText();
			JsonNode form = this.service.as("officer")
				.getForObject("/engine-rest/task/" + taskId + "/form-variables", JsonNode.class);
			assertThat(form.get("contest").get("value").asText()).contains("HUMAN_REVIEW")
				.contains(declined)
				.contains("My income rose in October");
			// the contest's own assessment, on the corrected income and fresh MyData
			assertThat(this.jdbc.sql("select count(*) from credit_assessment where application_id = :id")
				.param("id", contest)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(this.jdbc.sql("select annual_income from loan_application where id = :id")
				.param("id", contest)
				.query(Long.class)
				.single()).isEqualTo(60_000_000L);

			ResponseEntity<JsonNode> sameOfficer = approve("officer", taskId);
			assertThat(sameOfficer.getStatusCode().value()).isEqualTo(400);
			assertThat(sameOfficer.getBody().get("message").asText())
				.contains("you decided the application this one contests");
			assertThat(approve("senior", taskId).getStatusCode().value()).isEqualTo(204);

			this.service.awaitStatus(contest, "APPROVED");
			assertThat(application(declined).get("status").asText()).isEqualTo("DECLINED");
			assertThat(application(declined).get("contestedBy").asText()).isEqualTo(contest);
			assertThat(application(contest).get("contestOf").asText()).isEqualTo(declined);
			assertThat(application(contest).get("decision").get("decidedBy").asText()).isEqualTo("officer");
			// notified like any decision: the decline, then the contest's approval
			await().atMost(Duration.ofSeconds(60))
				.until(() -> server.received()
					.stream()
					.map((received) -> read(received.body()))
					.map((body) -> body.get("applicationId").asText() + " " + body.get("status").asText())
					.toList(),
						(notified) -> notified.contains(declined + " DECLINED")
								&& notified.contains(contest + " APPROVED"));

			assertThat(kinds(declined)).contains("FINAL_DECISION", "CONTESTED");
			assertThat(kinds(contest)).contains("CONTEST_RECEIVED", "ASSESSMENT", "REVIEW", "FINAL_DECISION");
			assertThat(timeline(declined)).filteredOn((entry) -> entry.get("type").asText().equals("CONTESTED"))
				.singleElement()
				.satisfies((entry) -> {
					assertThat(entry.get("actor").asText()).isEqualTo(this.partner);
					assertThat(entry.get("details").get("kind").asText()).isEqualTo("HUMAN_REVIEW");
					assertThat(entry.get("details").get("excludedOfficers")).extracting(JsonNode::asText)
						.containsExactly("officer");
				});
			assertThat(this.service.as("auditor")
				.getForObject("/api/audit/verify", JsonNode.class)
				.get("valid")
				.asBoolean()).isTrue();
		}
	}

	@Test
	void shouldIssueTheOfferWithoutAnOfficerWhenTheRulesApproveAReassessment() {
		// a slip of the channel: a monthly income declared as the yearly one, so even the
		// smallest loan would take repayments over the DSR limit
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) body.get("applicant")).put("phone", "010-1000-0000").put("annualIncome", 600_000L);
		String declined = submit(body);
		this.service.awaitStatus(declined, "DECLINED");
		assertThat(application(declined).get("decision").get("reasons").get(0).get("code").asText())
			.isEqualTo("DSR_OVER_LIMIT");

		ResponseEntity<JsonNode> created = contest(declined, "REASSESS",
				"My yearly income is 48 million won, not 600 thousand; my payslips show it.", 48_000_000L);

		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		String contest = created.getBody().get("id").asText();
		this.service.awaitStatus(contest, "APPROVED");
		assertThat(application(contest).get("decision").get("decidedBy").asText()).isEqualTo("rules");
		assertThat(this.jdbc.sql("select count(*) from review_decision where application_id = :id")
			.param("id", contest)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldSendAReassessmentThatStaysNegativeToAnOfficerAndNotLetTheContestBeContested() {
		String declined = submit(ApplicationBodies.body(ApplicationBodies.THIN_FILE_BAD_TELECOM));
		this.service.awaitStatus(declined, "DECLINED");
		assertThat(application(declined).get("decision").get("decidedBy").asText()).isEqualTo("rules");

		String contest = contest(declined, "REASSESS", "The unpaid bill was paid last week.", null).getBody()
			.get("id")
			.asText();

		// the rules decline again; a person looks at it before the applicant is told
		String taskId = this.service.awaitTask(contest, "Task_ReviewApplication").get("id").asText();
		assertThat(this.service
			.complete("officer", taskId, Map.of("reviewDecision", "DECLINE", "reviewComment",
					"still unpaid at the carrier", "declineReason", "OFFICER_CREDIT_RISK"))
			.getStatusCode()
			.value()).isEqualTo(204);
		this.service.awaitStatus(contest, "DECLINED");

		ResponseEntity<JsonNode> again = contest(contest, "HUMAN_REVIEW", "Please look again.", null);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("detail").asText()).contains("is itself a contest");
		ResponseEntity<JsonNode> twice = contest(declined, "HUMAN_REVIEW", "And once more.", null);
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(twice.getBody().get("detail").asText()).contains("was contested already").contains(contest);
	}

	@Test
	void shouldRefuseAContestItCannotTakeWithEveryReasonAndCreateNothing() {
		String inReview = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		this.service.awaitTask(inReview, "Task_ReviewApplication");
		String approved = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		this.service.awaitStatus(approved, "APPROVED");
		String declined = submit(ApplicationBodies.body(ApplicationBodies.THIN_FILE_BAD_TELECOM));
		this.service.awaitStatus(declined, "DECLINED");
		long applications = count();

		ResponseEntity<JsonNode> empty = post(this.partner, declined, "{}");
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody().get("errors")).extracting((error) -> error.get("field").asText())
			.contains("kind", "statement", "consent");
		ResponseEntity<JsonNode> unknownKind = post(this.partner, declined, body("APPEAL", "x", null).toString());
		assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ObjectNode withoutConsent = body("REASSESS", "x", null);
		((ObjectNode) withoutConsent.get("consent")).put("financialData", false);
		assertThat(post(this.partner, declined, withoutConsent.toString()).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(contest(inReview, "HUMAN_REVIEW", "x", null).getBody().get("detail").asText())
			.contains("is IN_REVIEW: only a declined application can be contested");
		assertThat(contest(approved, "HUMAN_REVIEW", "x", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(post("partner", declined, body("HUMAN_REVIEW", "x", null).toString()).getStatusCode())
			.as("another partner's application")
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("officer", declined, body("HUMAN_REVIEW", "x", null).toString()).getStatusCode())
			.as("the applicant's right, through their channel")
			.isEqualTo(HttpStatus.FORBIDDEN);
		// a decline older than the contest window (30 days)
		this.jdbc.sql("update loan_decision set decided_at = :at where application_id = :id")
			.param("at", OffsetDateTime.now().minusDays(31))
			.param("id", declined)
			.update();
		assertThat(contest(declined, "HUMAN_REVIEW", "x", null).getBody().get("detail").asText())
			.contains("can be contested for 30 days");

		assertThat(count()).as("applications").isEqualTo(applications);
		assertThat(application(declined).has("contestedBy")).isFalse();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from loan_application").query(Long.class).single();
	}

	private void decline(String officer, String applicationId) {
		String taskId = this.service.awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		assertThat(this.service
			.complete(officer, taskId,
					Map.of("reviewDecision", "DECLINE", "reviewComment", "income too low for this loan",
							"declineReason", "OFFICER_INSUFFICIENT_INCOME"))
			.getStatusCode()
			.value()).isEqualTo(204);
		this.service.awaitStatus(applicationId, "DECLINED");
	}

	private ResponseEntity<JsonNode> approve(String officer, String taskId) {
		return this.service.complete(officer, taskId,
				Map.of("reviewDecision", "APPROVE", "reviewComment", "the new income carries the loan"));
	}

	private ResponseEntity<JsonNode> contest(String applicationId, String kind, String statement, Long annualIncome) {
		return post(this.partner, applicationId, body(kind, statement, annualIncome).toString());
	}

	private static ObjectNode body(String kind, String statement, Long annualIncome) {
		ObjectNode body = JSON.createObjectNode().put("kind", kind).put("statement", statement);
		if (annualIncome != null) {
			body.put("annualIncome", annualIncome);
		}
		body.putObject("consent")
			.put("financialData", true)
			.put("telecomData", true)
			.put("grantedAt", OffsetDateTime.now().minusMinutes(1).toString());
		return body;
	}

	private ResponseEntity<JsonNode> post(String user, String applicationId, String body) {
		return this.service.as(user)
			.exchange("/api/applications/" + applicationId + "/contest", HttpMethod.POST, ServiceClient.json(body),
					JsonNode.class);
	}

	private String submit(ObjectNode body) {
		return this.service.as(this.partner)
			.postForObject("/api/applications", ServiceClient.json(body.toString()), JsonNode.class)
			.get("id")
			.asText();
	}

	private JsonNode application(String id) {
		return this.service.as(this.partner).getForObject("/api/applications/" + id, JsonNode.class);
	}

	private void register(String url) {
		ResponseEntity<JsonNode> registered = this.service.as(this.partner)
			.exchange("/api/callbacks", HttpMethod.PUT,
					ServiceClient.json(JSON.createObjectNode().put("url", url).toString()), JsonNode.class);
		assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
	}

	private List<JsonNode> timeline(String id) {
		JsonNode trail = this.service.as("auditor").getForObject("/api/audit/applications/" + id, JsonNode.class);
		return iterable(trail.get("timeline"));
	}

	private List<String> kinds(String id) {
		return timeline(id).stream().map((entry) -> entry.get("type").asText()).toList();
	}

	private static List<JsonNode> iterable(JsonNode array) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		array.forEach(entries::add);
		return entries;
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
