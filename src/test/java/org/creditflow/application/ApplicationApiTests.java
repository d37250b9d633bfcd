package org.creditflow.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST contract of {@code /api/applications}, over HTTP against the whole service.
 */
@CreditflowIntegrationTest
class ApplicationApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	LoanApplications applications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldApproveAPrimeApplicantAndExplainTheDecision() {
		ResponseEntity<JsonNode> created = submit("partner", TestApplications.body(TestApplications.PRIME), null);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String id = created.getBody().get("id").asText();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + id);
		assertThat(created.getBody().get("status").asText()).isEqualTo("RECEIVED");
		assertThat(created.getBody().has("decision")).isFalse();

		JsonNode decided = awaitStatus("partner", id, "APPROVED");
		JsonNode decision = decided.get("decision");
		assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(decision.get("score").asInt()).isBetween(1, 1000);
		assertThat(decision.get("grade").asText()).isIn("A", "B", "C");
		assertThat(decision.get("limit").asLong()).isEqualTo(20_000_000L);
		assertThat(decision.get("rate").decimalValue()).isBetween(new java.math.BigDecimal("1"),
				new java.math.BigDecimal("20"));
		assertThat(decision.get("rate").toString()).matches("\\d{1,2}(\\.\\d?[1-9])?");
		assertThat(decision.get("rulesetVersion").asText()).hasSize(64);
		assertThat(decision.get("decidedBy").asText()).isEqualTo("rules");
		assertThat(this.applications.get(id).applicant().name()).isEqualTo("김민지");
	}

	@Test
	void shouldDeclineAnApplicantAgedEighteenWithReasonsInKoreanOnRequest() {
		ObjectNode body = TestApplications.body(TestApplications.PRIME, LocalDate.now().minusYears(18));
		String id = submit("partner", body, null).getBody().get("id").asText();

		awaitStatus("partner", id, "DECLINED");
		HttpHeaders korean = new HttpHeaders();
		korean.set(HttpHeaders.ACCEPT_LANGUAGE, "ko");
		JsonNode decision = this.http.withBasicAuth("partner", "partner")
			.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(korean), JsonNode.class)
			.getBody()
			.get("decision");
		assertThat(decision.get("reasons").get(0).get("code").asText()).isEqualTo("AGE_BELOW_MINIMUM");
		assertThat(decision.get("reasons").get(0).get("text").asText()).contains("만 19세");
		assertThat(decision.has("limit")).isFalse();
		// the reasons' language is part of the answer, so of its tag
		String english = poll("partner", id, null, null).getHeaders().getETag();
		assertThat(poll("partner", id, english, "ko").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(poll("partner", id, english, null).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
	}

	@Test
	void shouldAnswerAPollForAnUnchangedApplicationWith304UntilItIsDecided() {
		createPartner("otherpartner");
		String id = submit("partner", TestApplications.body(TestApplications.AVERAGE), null).getBody()
			.get("id")
			.asText();
		awaitStatus("partner", id, "IN_REVIEW");
		ResponseEntity<String> first = poll("partner", id, null, null);
		String etag = first.getHeaders().getETag();
		assertThat(etag).as("an ETag on the answer").startsWith("\"");

		ResponseEntity<String> unchanged = poll("partner", id, etag, null);
		assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(unchanged.getBody()).isNull();
		assertThat(unchanged.getHeaders().getETag()).isEqualTo(etag);
		// the tag opens nothing: another partner learns no more than without it
		assertThat(poll("otherpartner", id, etag, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(withdraw(id).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> changed = poll("partner", id, etag, null);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody()).contains("\"WITHDRAWN\"");
		assertThat(changed.getHeaders().getETag()).isNotEqualTo(etag);
	}

	@Test
	void shouldReferAnAverageApplicantToTheLoanOfficers() {
		String id = submit("partner", TestApplications.body(TestApplications.AVERAGE), null).getBody()
			.get("id")
			.asText();

		JsonNode inReview = awaitStatus("partner", id, "IN_REVIEW");
		assertThat(inReview.has("decision")).isFalse();
	}

	@Test
	void shouldAssessWithoutTelecomDataWhenTheApplicantDidNotConsentToIt() {
		ObjectNode body = TestApplications.body(TestApplications.PRIME);
		((ObjectNode) body.get("consent")).put("telecomData", false);
		String id = submit("partner", body, null).getBody().get("id").asText();

		JsonNode decided = awaitStatus("partner", id, "APPROVED");
		assertThat(decided.get("decision").get("reasons").findValuesAsText("code"))
			.contains("TELECOM_DATA_UNAVAILABLE");
	}

	@Test
	void shouldAnswerARepeatedIdempotencyKeyWithTheFirstApplicationAndStartOneProcess() {
		ObjectNode body = TestApplications.body(TestApplications.AVERAGE);
		ResponseEntity<JsonNode> first = submit("partner", body, "key-replay");
		ResponseEntity<JsonNode> again = submit("partner", body, "key-replay");

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		String id = first.getBody().get("id").asText();
		assertThat(again.getBody().get("id").asText()).isEqualTo(id);
		assertThat(processesFor(id)).isEqualTo(1);
	}

	@Test
	void shouldCreateOneApplicationForConcurrentRequestsWithOneKey() throws Exception {
		ObjectNode body = TestApplications.body(TestApplications.AVERAGE);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<ResponseEntity<JsonNode>>> requests = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				requests.add(() -> submit("partner", body, "key-concurrent"));
			}
			Set<String> ids = new HashSet<>();
			int created = 0;
			for (Future<ResponseEntity<JsonNode>> response : pool.invokeAll(requests)) {
				assertThat(response.get().getStatusCode().is2xxSuccessful()).isTrue();
				ids.add(response.get().getBody().get("id").asText());
				created += (response.get().getStatusCode() == HttpStatus.CREATED) ? 1 : 0;
			}
			assertThat(ids).hasSize(1);
			assertThat(created).isEqualTo(1);
			assertThat(processesFor(ids.iterator().next())).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void shouldRefuseAReusedIdempotencyKeyWithADifferentBody() {
		submit("partner", TestApplications.body(TestApplications.PRIME), "key-conflict");

		ResponseEntity<JsonNode> conflict = submit("partner", TestApplications.body(TestApplications.PRIME),
				"key-conflict");

		assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(conflict.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(conflict.getBody().get("detail").asText()).contains("key-conflict");
	}

	@Test
	void shouldNameEveryInvalidFieldAndStoreNothing() {
		ObjectNode body = TestApplications.body(TestApplications.PRIME);
		((ObjectNode) body.get("applicant")).put("birthDate", "1990-02-30");
		((ObjectNode) body.get("applicant")).put("phone", "12345");
		((ObjectNode) body.get("applicant")).put("employmentType", "ASTRONAUT");
		((ObjectNode) body.get("loan")).put("termMonths", 121);
		((ObjectNode) body.get("loan")).put("amount", "twenty million");
		((ObjectNode) body.get("loan")).remove("purpose");
		body.put("referrer", "spam");
		long before = storedApplications();

		ResponseEntity<JsonNode> response = submit("partner", body, null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("applicant.birthDate",
				"applicant.employmentType", "applicant.phone", "loan.amount", "loan.purpose", "loan.termMonths",
				"referrer");
		assertThat(storedApplications()).isEqualTo(before);
	}

	@Test
	void shouldAnswerBrokenJsonWith400() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> response = this.http.withBasicAuth("partner", "partner")
			.postForEntity("/api/applications", new HttpEntity<>("{\"applicant\": {", headers), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("detail").asText()).contains("not valid JSON");
	}

	@Test
	void shouldRefuseAnApplicationWithoutFinancialDataConsentWith422() {
		ObjectNode body = TestApplications.body(TestApplications.PRIME);
		((ObjectNode) body.get("consent")).put("financialData", false);

		ResponseEntity<JsonNode> response = submit("partner", body, null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("consent.financialData");
	}

	@Test
	void shouldAnswer401WithoutCredentialsAnd403ForTheWrongRole() {
		ResponseEntity<JsonNode> anonymous = this.http.postForEntity("/api/applications",
				json(TestApplications.body(TestApplications.PRIME)), JsonNode.class);
		// a wrong password delays that user's next sign-in (Camunda's brute-force guard):
		// use one of its own
		createPartner("forgetful");
		ResponseEntity<JsonNode> wrongPassword = this.http.withBasicAuth("forgetful", "wrong")
			.getForEntity("/api/applications/x", JsonNode.class);
		ResponseEntity<JsonNode> auditorSubmits = submit("auditor", TestApplications.body(TestApplications.PRIME),
				null);
		ResponseEntity<JsonNode> partnerLists = this.http.withBasicAuth("partner", "partner")
			.getForEntity("/api/applications", JsonNode.class);

		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(auditorSubmits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(auditorSubmits.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(partnerLists.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldHideAnApplicationFromAnotherPartner() {
		createPartner("otherpartner");
		String id = submit("partner", TestApplications.body(TestApplications.PRIME), null).getBody().get("id").asText();

		assertThat(this.http.withBasicAuth("otherpartner", "otherpartner")
			.getForEntity("/api/applications/" + id, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.http.withBasicAuth("officer", "officer")
			.getForEntity("/api/applications/" + id, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldListApplicationsByStatusPageByPage() {
		String id = submit("partner", TestApplications.body(TestApplications.PRIME), null).getBody().get("id").asText();
		awaitStatus("partner", id, "APPROVED");
		submit("partner", TestApplications.body(TestApplications.PRIME), null);

		JsonNode page = this.http.withBasicAuth("officer", "officer")
			.getForObject("/api/applications?status=APPROVED&page=0&size=1", JsonNode.class);
		ResponseEntity<JsonNode> badStatus = this.http.withBasicAuth("officer", "officer")
			.getForEntity("/api/applications?status=MAYBE", JsonNode.class);
		ResponseEntity<JsonNode> badSize = this.http.withBasicAuth("officer", "officer")
			.getForEntity("/api/applications?size=1000", JsonNode.class);

		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("items").get(0).get("status").asText()).isEqualTo("APPROVED");
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(1);
		assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badStatus.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");
		assertThat(badSize.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldWithdrawAnOpenApplicationIdempotentlyButNotADecidedOne() {
		String open = submit("partner", TestApplications.body(TestApplications.AVERAGE), null).getBody()
			.get("id")
			.asText();
		awaitStatus("partner", open, "IN_REVIEW");
		String decided = submit("partner", TestApplications.body(TestApplications.PRIME), null).getBody()
			.get("id")
			.asText();
		awaitStatus("partner", decided, "APPROVED");

		ResponseEntity<JsonNode> withdrawn = withdraw(open);
		ResponseEntity<JsonNode> again = withdraw(open);
		ResponseEntity<JsonNode> tooLate = withdraw(decided);

		assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.getBody().get("statusReason").asText()).contains("Withdrawn", "partner");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(processesFor(open)).isZero();
		assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	private ResponseEntity<JsonNode> submit(String user, ObjectNode body, String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return this.http.withBasicAuth(user, user)
			.postForEntity("/api/applications", new HttpEntity<>(body.toString(), headers), JsonNode.class);
	}

	private ResponseEntity<JsonNode> withdraw(String id) {
		return this.http.withBasicAuth("partner", "partner")
			.postForEntity("/api/applications/" + id + "/withdraw", null, JsonNode.class);
	}

	private JsonNode awaitStatus(String user, String id, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.http.withBasicAuth(user, user).getForObject("/api/applications/" + id, JsonNode.class),
					(view) -> status.equals(view.get("status").asText()));
	}

	private ResponseEntity<String> poll(String user, String id, @Nullable String ifNoneMatch,
			@Nullable String language) {
		HttpHeaders headers = new HttpHeaders();
		if (ifNoneMatch != null) {
			headers.setIfNoneMatch(ifNoneMatch);
		}
		if (language != null) {
			headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		return this.http.withBasicAuth(user, user)
			.exchange("/api/applications/" + id, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private long storedApplications() {
		return this.jdbc.sql("select count(*) from loan_application").query(Long.class).single();
	}

	private long processesFor(String applicationId) {
		return this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).count();
	}

	private static HttpEntity<String> json(ObjectNode body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body.toString(), headers);
	}

	private void createPartner(String id) {
		TestUsers.member(this.identity, id, "partners");
	}

}
