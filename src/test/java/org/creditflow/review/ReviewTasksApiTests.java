package org.creditflow.review;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.scoring.ReasonCode;
import org.creditflow.scoring.RulesetCompiler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review tasks as officers reach them, through Camunda's REST API, which Tasklist
 * uses: what the task shows, what the server refuses whatever the form sent, four eyes,
 * who may see and complete which task, and two officers completing one task at once.
 */
@CreditflowIntegrationTest
class ReviewTasksApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	CreditAssessments assessments;

	@Autowired
	ReviewDecisionRepository reviewDecisions;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldShowTheOfficerTheAssessmentWithMaskedIdentifiers() {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		JsonNode task = awaitTask(applicationId, "Task_ReviewApplication");

		JsonNode form = get("officer", "/engine-rest/task/" + task.get("id").asText() + "/form-variables");

		// masked, and escaped for the form's markdown
		assertThat(value(form, "applicantSummary")).startsWith("김\\*지, born 1990, \\*\\*\\*-\\*\\*\\*\\*-")
			.doesNotContain("김민지");
		assertThat(value(form, "loanSummary")).isEqualTo("20,000,000 KRW over 36 months (PERSONAL_CREDIT, LIVING)");
		assertThat(value(form, "score")).isNotBlank();
		// the average applicant is referred for a PD between the cut-offs (4 % and 8 %)
		assertThat(value(form, "probabilityOfDefault")).matches("[4-7]\\.\\d\\d % within 12 months");
		assertThat(value(form, "segment")).isEqualTo("FULL_FILE");
		// the top reasons with their texts in English and Korean
		assertThat(value(form, "reasonList")).startsWith("1. **").contains("`");
		assertThat(value(form, "monthlyIncome")).endsWith("a month, seen in deposits");
		assertThat(value(form, "dsr")).contains("% with this loan (limit 40 %)");
		assertThat(value(form, "delinquencies")).isEqualTo("none");
		assertThat(value(form, "telecomTenure")).matches("\\d+ months with .+");
		assertThat(value(form, "onTimePayments")).matches("\\d+ of the last \\d+ bills paid on time");
		assertThat(value(form, "unpaidBills")).isEqualTo("none");
		assertThat(value(form, "dataGaps")).isEqualTo("none");
		assertThat(value(form, "offerSummary")).matches("[\\d,]+ KRW at [\\d.]+ %");
		assertThat(value(form, "policyMaximum")).contains("KRW at");
	}

	@Test
	void shouldOfferTheOfficersReasonsOfTheAssessingRulesetAsTheFormReadsThem() throws Exception {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		List<String> officerReasons = RulesetCompiler.compileFolder(Path.of("rules"))
			.reasonCodes()
			.values()
			.stream()
			.filter((reason) -> ReasonCode.OFFICER.equals(reason.category()))
			.map((reason) -> reason.code() + ": " + reason.text())
			.toList();

		// as stored: a JSON object the form's valuesKey reads, however Tasklist asks
		JsonNode serialized = get("officer", "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false")
			.get("declineReasonChoices");
		assertThat(serialized.get("type").asText()).isEqualTo("Object");
		assertThat(serialized.at("/valueInfo/serializationDataFormat").asText()).isEqualTo("application/json");
		JsonNode deserialized = get("officer", "/engine-rest/task/" + taskId + "/form-variables")
			.get("declineReasonChoices")
			.get("value");
		for (JsonNode choices : List.of(new ObjectMapper().readTree(serialized.get("value").asText()), deserialized)) {
			List<String> offered = new ArrayList<>();
			choices
				.forEach((choice) -> offered.add(choice.get("value").asText() + ": " + choice.get("label").asText()));
			// the file's rows in the file's order, worded as the applicant will read them
			assertThat(offered).isNotEmpty().containsExactlyElementsOf(officerReasons);
		}
	}

	@Test
	void shouldShowTheDataGapsOnTheTask() {
		String applicationId = submit(ApplicationBodies.withProviderFault("0000", ApplicationBodies.AVERAGE));
		JsonNode task = awaitTask(applicationId, "Task_ReviewApplication");

		JsonNode form = get("officer", "/engine-rest/task/" + task.get("id").asText() + "/form-variables");

		assertThat(value(form, "dataGaps")).isEqualTo("Bank data: provider unavailable, not used");
		assertThat(value(form, "delinquencies")).isEqualTo("unknown (no bank data)");
		assertThat(value(form, "reasonList")).contains("FINANCIAL_DATA_UNAVAILABLE");
	}

	@Test
	void shouldRefuseAnInvalidDecisionWithEveryProblemAndKeepTheTask() {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();

		ResponseEntity<JsonNode> refused = complete("officer", taskId,
				Map.of("reviewDecision", "APPROVE", "approvedLimit", 25_000_000, "approvedRate", 24.5));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("message").asText()).contains("a comment is required")
			.contains("above the amount requested")
			.contains("above the legal maximum of 20 %");
		assertThat(complete("officer", taskId, Map.of("reviewDecision", "DECLINE", "reviewComment", "no")).getBody()
			.get("message")
			.asText()).contains("choose a decline reason");
		// a policy code would tell the applicant the rules declined, which they did not
		assertThat(complete("officer", taskId,
				Map.of("reviewDecision", "DECLINE", "reviewComment", "no", "declineReason", "DSR_OVER_LIMIT"))
			.getBody()
			.get("message")
			.asText()).contains("choose a decline reason from the officers' reasons").contains("not DSR_OVER_LIMIT");
		assertThat(get("officer", "/engine-rest/task/" + taskId).get("id").asText()).isEqualTo(taskId);
		assertThat(status(applicationId)).isEqualTo("IN_REVIEW");
	}

	@Test
	void shouldRefuseALimitAboveWhatTheDsrLimitAllowsAtTheApprovedRate() {
		// without bank data the application is always referred, and its income is the
		// declared 4 million a month with no other loans known: 100 million over ten
		// years
		// fits the DSR at the 10 % reference rate, not at 19.9 %
		ObjectNode body = ApplicationBodies.withProviderFault("0000", ApplicationBodies.AVERAGE);
		((ObjectNode) body.get("loan")).put("amount", 100_000_000L).put("termMonths", 120);
		String applicationId = submit(body);
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		long maximum = this.assessments.latestFigures(applicationId)
			.orElseThrow()
			.policyMaximum(new java.math.BigDecimal("19.9"));
		assertThat(maximum).isLessThan(100_000_000L);

		// the officer verified the declared income and found no other debt
		ResponseEntity<JsonNode> refused = complete("officer", taskId,
				Map.of("reviewDecision", "APPROVE", "approvedLimit", maximum + 10_000, "approvedRate", 19.9,
						"reviewComment", "fine", "verifiedMonthlyIncome", 4_000_000, "verifiedMonthlyRepayments", 0,
						"verificationDocument", "PAY-2026-11-0042"));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("message").asText()).contains("above what the DSR limit of 40 % allows");
	}

	@Test
	void shouldApproveWithoutBankDataOnlyOnTheIncomeAndDebtAnOfficerVerified() {
		ObjectNode body = ApplicationBodies.withProviderFault("0000", ApplicationBodies.AVERAGE);
		String applicationId = submit(body);
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		java.math.BigDecimal rate = new java.math.BigDecimal("9.5");
		long requested = body.get("loan").get("amount").asLong();

		ResponseEntity<JsonNode> unverified = complete("officer", taskId, Map.of("reviewDecision", "APPROVE",
				"approvedLimit", requested, "approvedRate", rate, "reviewComment", "declared income is plausible"));
		// two million a month already goes to other lenders: nothing fits within the DSR
		ResponseEntity<JsonNode> indebted = complete("officer", taskId,
				Map.of("reviewDecision", "APPROVE", "approvedLimit", requested, "approvedRate", rate, "reviewComment",
						"verified", "verifiedMonthlyIncome", 3_000_000, "verifiedMonthlyRepayments", 2_000_000,
						"verificationDocument", "DEBT-CERT-77"));
		long maximum = Math.min(requested,
				this.assessments.latestFigures(applicationId)
					.orElseThrow()
					.withVerified(4_000_000, 0)
					.policyMaximum(rate));
		ResponseEntity<JsonNode> approved = complete("officer", taskId,
				Map.of("reviewDecision", "APPROVE", "approvedLimit", maximum, "approvedRate", rate, "reviewComment",
						"verified", "verifiedMonthlyIncome", 4_000_000, "verifiedMonthlyRepayments", 0,
						"verificationDocument", "PAY-2026-11-0042"));

		assertThat(unverified.getStatusCode().value()).isEqualTo(400);
		assertThat(unverified.getBody().get("message").asText()).contains("the bank data could not be fetched")
			.contains("verifiedMonthlyIncome")
			.contains("verifiedMonthlyRepayments")
			.contains("verificationDocument");
		assertThat(indebted.getStatusCode().value()).isEqualTo(400);
		assertThat(indebted.getBody().get("message").asText()).contains("with the verified income and repayments");
		assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(204);
		assertThat(this.reviewDecisions.findAll(applicationId)).first()
			.satisfies((decision) -> assertThat(decision.verification())
				.isEqualTo(new ReviewDecision.Verification(4_000_000, 0, "PAY-2026-11-0042")));
	}

	@Test
	void shouldNeedASecondSeniorOfficerWhoIsNotTheFirstApprover() {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String review = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		// a better rate than the rules offered overrides the rules
		assertThat(complete("senior", review,
				Map.of("reviewDecision", "APPROVE", "approvedRate", 5.0, "reviewComment", "loyal customer"))
			.getStatusCode()
			.value()).isEqualTo(204);
		JsonNode second = awaitTask(applicationId, "Task_SecondApproval");
		assertThat(get("officer", "/engine-rest/task?processInstanceBusinessKey=" + applicationId)).isEmpty();

		ResponseEntity<JsonNode> sameUser = complete("senior", second.get("id").asText(),
				Map.of("secondApprovalDecision", "APPROVE", "secondApprovalComment", "ok"));
		ResponseEntity<JsonNode> otherSenior = complete("senior2", second.get("id").asText(),
				Map.of("secondApprovalDecision", "APPROVE", "secondApprovalComment", "agreed"));

		assertThat(sameUser.getStatusCode().value()).isEqualTo(400);
		assertThat(sameUser.getBody().get("message").asText()).contains("four eyes");
		assertThat(otherSenior.getStatusCode().value()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> status(applicationId), "APPROVED"::equals);
	}

	@Test
	void shouldLetOnlyTheTasksGroupsCompleteItAndAuditorsOnlyRead() {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		String query = "/engine-rest/task?processInstanceBusinessKey=" + applicationId;

		assertThat(get("analyst", query)).isEmpty();
		assertThat(get("auditor", query)).hasSize(1);
		ResponseEntity<JsonNode> auditor = complete("auditor", taskId,
				Map.of("reviewDecision", "APPROVE", "reviewComment", "auditors change nothing"));
		ResponseEntity<JsonNode> analyst = complete("analyst", taskId,
				Map.of("reviewDecision", "APPROVE", "reviewComment", "nor do analysts"));

		assertThat(auditor.getStatusCode().value()).isEqualTo(403);
		assertThat(analyst.getStatusCode().value()).isEqualTo(403);
		assertThat(status(applicationId)).isEqualTo("IN_REVIEW");
	}

	// a race: each repetition may take another path through it
	@RepeatedTest(20)
	void shouldLetOneOfTwoOfficersCompletingATaskAtOnceWinAndTellTheOther() throws Exception {
		String applicationId = submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String taskId = awaitTask(applicationId, "Task_ReviewApplication").get("id").asText();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<ResponseEntity<JsonNode>>> both = new ArrayList<>();
		for (String officer : List.of("officer", "senior")) {
			both.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return complete(officer, taskId, Map.of("reviewDecision", "DECLINE", "declineReason",
						"OFFICER_CREDIT_RISK", "reviewComment", "decided by " + officer));
			}));
		}
		start.countDown();

		List<Integer> statuses = both.stream()
			.map(CompletableFuture::join)
			.map((r) -> r.getStatusCode().value())
			.toList();
		assertThat(statuses).containsOnlyOnce(204);
		ResponseEntity<JsonNode> loser = both.stream()
			.map(CompletableFuture::join)
			.filter((r) -> r.getStatusCode().value() != 204)
			.findFirst()
			.orElseThrow();
		// the second waited for the first one's lock, then found the task gone
		assertThat(loser.getStatusCode().value()).as("%s", loser.getBody()).isEqualTo(404);
		assertThat(loser.getBody().get("message").asText()).contains("another user has just completed it");
		await().atMost(Duration.ofSeconds(30)).until(() -> status(applicationId), "DECLINED"::equals);
	}

	private String submit(ObjectNode body) {
		return this.service.submit(body);
	}

	private String status(String applicationId) {
		return this.service.status(applicationId);
	}

	private JsonNode awaitTask(String applicationId, String taskKey) {
		return this.service.awaitTask(applicationId, taskKey);
	}

	private JsonNode get(String user, String path) {
		return this.service.as(user).getForObject(path, JsonNode.class);
	}

	private ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> values) {
		return this.service.complete(user, taskId, values);
	}

	private static String value(JsonNode formVariables, String name) {
		JsonNode variable = formVariables.get(name);
		assertThat(variable).as("form variable " + name).isNotNull();
		return variable.get("value").asText();
	}

}
