package org.creditflow.release;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.SeparateService;
import org.creditflow.scoring.RulesFolder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The risk team's work as rules/README.md describes it, step by step, against a running
 * service with its own database, reading its own copy of the rules folder: an analyst
 * edits the folder, which only changes the candidate; a release of it is validated, its
 * impact measured, and approved by a risk manager who did not submit it; it decides from
 * its effective date; an earlier version comes back by a rollback release. Every step is
 * a record in the audit chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesetReleaseWorkflowTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path temp;

	static RulesFolder rules;

	static ConfigurableApplicationContext service;

	static String firstVersion;

	static String studentsVersion;

	@BeforeAll
	static void startService() {
		rules = RulesFolder.copyOfDefaultRules(temp.resolve("rules"));
		// its own in-memory database, whatever profile the suite runs in
		service = SeparateService.start("releases", "--spring.profiles.active=default",
				"--creditflow.rules.location=" + rules.root(), "--creditflow.rules.sync-interval=PT1S");
		firstVersion = active().get("version").asText();
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	@Test
	@Order(1)
	void shouldTakeAChangedCutOffIntoServiceOnlyThroughAnApprovedRelease() {
		rules.replace("policy.properties", "age.minimum=19", "age.minimum=20").replace("tests/policy.yaml", """
				- scenario: An applicant of 19 may borrow
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: APPROVE
				    notReasons: [AGE_BELOW_MINIMUM]""", """
				- scenario: An applicant of 19 is too young since the minimum age is 20
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: DECLINE
				    firstReason: AGE_BELOW_MINIMUM""");

		JsonNode candidate = get("analyst", "/api/rulesets/candidate").getBody();
		assertThat(candidate.get("valid").asBoolean()).as(candidate.toString()).isTrue();
		assertThat(candidate.get("inService").asBoolean()).isFalse();
		assertThat(candidate.get("scenarioResults"))
			.allSatisfy((result) -> assertThat(result.get("passed").asBoolean()).isTrue());
		// saving the folder changed nothing that decides
		assertThat(active().get("version").asText()).isEqualTo(firstVersion);
		assertThat(decide(nineteenYearOld()).get("outcome").asText()).isEqualTo("APPROVED");

		JsonNode release = submit("analyst", Map.of("source", "folder", "rationale", "Minimum age 20 from January"));
		assertThat(release.get("version").asText()).isEqualTo(candidate.get("version").asText());
		assertThat(release.get("baselineVersion").asText()).isEqualTo(firstVersion);
		JsonNode awaiting = awaitStatus(release, "AWAITING_APPROVAL");
		JsonNode synthetic = awaiting.get("impact").get("headlines").get("synthetic");
		assertThat(synthetic.get("rows").asLong()).isPositive();
		assertThat(awaiting.get("impact").get("headlines").get("recorded").get("rows").asLong()).isPositive();
		ResponseEntity<String> report = client("riskmanager").get()
			.uri(awaiting.get("reports").get("synthetic").asText())
			.retrieve()
			.toEntity(String.class);
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getBody()).contains("<html");

		assertThat(decide(release, "approve", "analyst", "looks right").getStatusCode().value()).isEqualTo(403);
		assertThat(decide(release, "approve", "riskmanager", "Impact as intended").getStatusCode().value())
			.isEqualTo(200);
		JsonNode active = awaitStatus(release, "ACTIVE");
		String version = active.get("version").asText();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> active().get("servedHere").get("champion").asText(), version::equals);
		assertThat(active().get("champion").get("releaseId").asText()).isEqualTo(release.get("id").asText());
		assertThat(active().get("champion").get("policy").get("minimumAge").asInt()).isEqualTo(20);
		JsonNode decision = decide(nineteenYearOld());
		assertThat(decision.get("outcome").asText()).isEqualTo("DECLINED");
		assertThat(decision.get("reasons").get(0).get("code").asText()).isEqualTo("AGE_BELOW_MINIMUM");
		// the text quotes the minimum of the ruleset that decided, not the one it was
		// written for
		assertThat(decision.get("reasons").get(0).get("text").asText()).contains("20").doesNotContain("19");
		assertThat(decision.get("rulesetVersion").asText()).isEqualTo(version);
		assertThat(active.get("trail")).extracting((step) -> step.get("step").asText())
			.containsSubsequence("Release submitted", "Validate the ruleset", "Measure the impact",
					"Approve the release", "Effective date", "Put into service", "In service");

		JsonNode history = get("auditor", "/api/audit/rulesets/" + version).getBody();
		assertThat(history.get("history"))
			.extracting((event) -> event.get("kind").asText() + " by " + event.get("actor").asText())
			.containsExactly("RULESET_ACTIVATED by riskmanager", "RELEASE_APPROVED by riskmanager",
					"RELEASE_SUBMITTED by analyst");
		assertThat(history.get("history").get(0).get("details").get("previousVersion").asText())
			.isEqualTo(firstVersion);
		assertThat(history.get("history").get(2).get("details").get("why").asText())
			.isEqualTo("Minimum age 20 from January");
		assertThat(history.get("assessments").get("CHAMPION").asLong()).isPositive();
	}

	@Test
	@Order(2)
	void shouldRefuseAnInvalidReleaseWithFileAndLineAndNeverAskForApproval() {
		addTheStudentRule();

		JsonNode candidate = get("analyst", "/api/rulesets/candidate").getBody();
		assertThat(candidate.get("valid").asBoolean()).isFalse();
		JsonNode release = awaitStatus(submit("analyst", Map.of("source", "folder", "rationale", "Students")),
				"INVALID");

		JsonNode problem = release.get("validation").get("problems").get(0);
		assertThat(problem.get("file").asText()).isEqualTo("credit/students.drl");
		assertThat(problem.get("line").asInt()).isPositive();
		assertThat(problem.get("message").asText()).contains("not exercised by any scenario");
		assertThat(release.get("trail")).extracting((step) -> step.get("step").asText())
			.doesNotContain("Approve the release")
			.contains("Refused: not valid");
	}

	@Test
	@Order(3)
	void shouldKeepFourEyesAndEndARejectedRelease() {
		rules.append("tests/policy.yaml", """

				- scenario: A student asking for 10 million
				  given:
				    applicant: { employmentType: STUDENT }
				    loan: { amount: 10000000 }
				  expect:
				    band: DECLINE
				    firstReason: STUDENT_AMOUNT_OVER_LIMIT
				""");
		JsonNode release = awaitStatus(submit("riskmanager", Map.of("source", "folder", "rationale", "Students")),
				"AWAITING_APPROVAL");
		studentsVersion = release.get("version").asText();

		ResponseEntity<JsonNode> own = decide(release, "approve", "riskmanager", "mine");
		assertThat(own.getStatusCode().value()).isEqualTo(403);
		assertThat(own.getBody().get("detail").asText()).contains("four eyes");
		assertThat(decide(release, "approve", "admin", "ok").getStatusCode().value()).isEqualTo(403);
		assertThat(decide(release, "reject", "riskmanager2", " ").getStatusCode().value()).isEqualTo(400);
		assertThat(fetch(release).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

		assertThat(decide(release, "reject", "riskmanager2", "Wait for the student product launch").getStatusCode()
			.value()).isEqualTo(200);

		JsonNode rejected = fetch(release);
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.get("decidedBy").asText()).isEqualTo("riskmanager2");
		assertThat(rejected.get("decisionComment").asText()).isEqualTo("Wait for the student product launch");
		assertThat(rejected.get("trail")).extracting((step) -> step.get("step").asText()).endsWith("Rejected");
		assertThat(decide(release, "approve", "riskmanager2", "changed my mind").getStatusCode().value())
			.isEqualTo(409);
		assertThat(active().get("version").asText()).isNotEqualTo(studentsVersion);
		assertThat(get("auditor", "/api/audit/rulesets/" + studentsVersion).getBody().get("history"))
			.extracting((event) -> event.get("kind").asText() + " by " + event.get("actor").asText())
			// the same files were submitted before without the scenario, and refused
			.containsExactly("RELEASE_REJECTED by riskmanager2", "RELEASE_SUBMITTED by riskmanager",
					"RELEASE_SUBMITTED by analyst");
	}

	@Test
	@Order(4)
	void shouldWaitForTheEffectiveDate() {
		OffsetDateTime effective = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).withNano(0);
		JsonNode release = awaitStatus(submit("analyst",
				Map.of("source", "folder", "rationale", "Students, at launch", "effectiveAt", effective.toString())),
				"AWAITING_APPROVAL");
		decide(release, "approve", "riskmanager2", "Launch approved");

		awaitStatus(release, "APPROVED");
		ManagementService jobs = service.getBean(ManagementService.class);
		Job timer = await().atMost(Duration.ofSeconds(30))
			.until(() -> jobs.createJobQuery().timers().processInstanceId(processInstance(release)).singleResult(),
					(job) -> job != null);
		assertThat(timer.getDuedate().toInstant()).isEqualTo(effective.toInstant());
		assertThat(active().get("version").asText()).isNotEqualTo(studentsVersion);
		ObjectNode student = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) student.get("applicant")).put("employmentType", "STUDENT");
		assertThat(decide(student).get("outcome").asText()).isEqualTo("APPROVED");

		// the date comes: the timer's job runs (here at once, as an operator can in
		// Cockpit)
		jobs.executeJob(timer.getId());
		awaitStatus(release, "ACTIVE");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> active().get("servedHere").get("champion").asText(), studentsVersion::equals);
		assertThat(decide(student).get("outcome").asText()).isEqualTo("DECLINED");
	}

	@Test
	@Order(5)
	void shouldRollBackToAnEarlierVersionThroughTheSameApproval() {
		JsonNode release = awaitStatus(submit("analyst",
				Map.of("source", "version", "version", firstVersion, "rationale", "Back to the rules of last year")),
				"AWAITING_APPROVAL");
		assertThat(release.get("rollback").asBoolean()).isTrue();
		assertThat(release.get("impact").get("baselineVersion").asText()).isEqualTo(studentsVersion);
		assertThat(decide(release, "approve", "analyst", "self").getStatusCode().value()).isEqualTo(403);
		decide(release, "approve", "riskmanager", "Roll back");

		awaitStatus(release, "ACTIVE");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> active().get("servedHere").get("champion").asText(), firstVersion::equals);
		assertThat(decide(nineteenYearOld()).get("outcome").asText()).isEqualTo("APPROVED");
		JsonNode latest = get("auditor", "/api/audit/rulesets/" + firstVersion).getBody().get("history").get(0);
		assertThat(latest.get("kind").asText()).isEqualTo("RULESET_ROLLBACK");
		assertThat(latest.get("actor").asText()).isEqualTo("riskmanager");
		assertThat(latest.get("details").get("previousVersion").asText()).isEqualTo(studentsVersion);
	}

	@Test
	@Order(6)
	void shouldLetAChallengerDecideItsShareWithEveryAssessmentPinnedToItsVersionAndRole() {
		String champion = active().get("version").asText();
		JsonNode release = awaitStatus(
				submit("analyst",
						Map.of("source", "version", "version", studentsVersion, "rationale",
								"Try the student rule on half", "role", "CHALLENGER", "challengerShare", 50)),
				"AWAITING_APPROVAL");
		decide(release, "approve", "riskmanager2", "Half of new applications");
		awaitStatus(release, "ACTIVE");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> active().get("servedHere").path("challenger").asText(), studentsVersion::equals);
		assertThat(active().get("challenger").get("share").asInt()).isEqualTo(50);
		assertThat(active().get("champion").get("share").asInt()).isEqualTo(50);

		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(decide(ApplicationBodies.body(ApplicationBodies.PRIME)).get("applicationId").asText());
		}
		JdbcClient jdbc = service.getBean(JdbcClient.class);
		int challenged = 0;
		for (String id : ids) {
			Map<String, Object> row = jdbc
				.sql("select ruleset_version, ruleset_role from credit_assessment where application_id = :id")
				.param("id", id)
				.query()
				.singleRow();
			boolean byChallenger = org.creditflow.scoring.ChallengerShares.decidedByChallenger(id, 50);
			challenged += byChallenger ? 1 : 0;
			assertThat(row.get("ruleset_role")).as(id).isEqualTo(byChallenger ? "CHALLENGER" : "CHAMPION");
			assertThat(row.get("ruleset_version")).as(id).isEqualTo(byChallenger ? studentsVersion : champion);
		}
		JsonNode challenge = get("riskmanager", "/api/rulesets/challenge").getBody();
		assertThat(challenge.get("challenger").get("applications").asInt()).isEqualTo(challenged);
		assertThat(challenge.get("champion").get("applications").asInt()).isEqualTo(ids.size() - challenged);
		assertThat(challenge.get("champion").get("version").asText()).isEqualTo(champion);

		JsonNode end = awaitStatus(submit("analyst", Map.of("source", "version", "version", studentsVersion,
				"rationale", "Enough seen", "role", "CHALLENGER", "challengerShare", 0)), "AWAITING_APPROVAL");
		decide(end, "approve", "riskmanager", "End it");
		awaitStatus(end, "ACTIVE");
		await().atMost(Duration.ofSeconds(30)).until(() -> !active().get("servedHere").has("challenger"));
		assertThat(active().has("challenger")).isFalse();
	}

	@Test
	@Order(7)
	void shouldPromoteAChallengerByAChampionReleaseOfItsVersion() {
		JsonNode challenge = awaitStatus(submit("analyst", Map.of("source", "version", "version", studentsVersion,
				"rationale", "Students on a tenth", "role", "CHALLENGER", "challengerShare", 10)), "AWAITING_APPROVAL");
		decide(challenge, "approve", "riskmanager", "A tenth");
		awaitStatus(challenge, "ACTIVE");

		JsonNode promotion = awaitStatus(submit("analyst",
				Map.of("source", "version", "version", studentsVersion, "rationale", "The student rule proved itself")),
				"AWAITING_APPROVAL");
		assertThat(promotion.get("rollback").asBoolean()).isFalse();
		decide(promotion, "approve", "riskmanager2", "Promote");
		awaitStatus(promotion, "ACTIVE");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> active().get("servedHere").get("champion").asText(), studentsVersion::equals);
		assertThat(active().has("challenger")).isFalse();
		assertThat(active().get("servedHere").has("challenger")).isFalse();
		JsonNode latest = get("auditor", "/api/audit/rulesets/" + studentsVersion).getBody().get("history").get(0);
		assertThat(latest.get("kind").asText()).isEqualTo("RULESET_ACTIVATED");
		assertThat(latest.get("details").get("role").asText()).isEqualTo("CHAMPION");
	}

	@Test
	@Order(8)
	void shouldNameEveryProblemOfABadSubmissionAndLetOnlyTheRiskTeamSubmit() {
		ResponseEntity<JsonNode> empty = post("analyst", "/api/rulesets/releases", "{}");
		assertThat(empty.getStatusCode().value()).isEqualTo(400);
		assertThat(empty.getBody().get("errors")).extracting((error) -> error.get("field").asText())
			.contains("rationale", "source");

		ResponseEntity<JsonNode> wrong = post("analyst", "/api/rulesets/releases", """
				{"source": "version", "version": "%s", "rationale": "x", "role": "CHALLENGER",
				 "effectiveAt": "2020-01-01T00:00:00Z"}""".formatted("0".repeat(64)));
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat(wrong.getBody().get("errors")).extracting((error) -> error.get("field").asText())
			.containsExactlyInAnyOrder("challengerShare", "effectiveAt", "version");

		ResponseEntity<JsonNode> same = post("analyst", "/api/rulesets/releases",
				"{\"source\": \"version\", \"version\": \"" + active().get("version").asText()
						+ "\", \"rationale\": \"x\"}");
		assertThat(same.getStatusCode().value()).isEqualTo(400);
		assertThat(same.getBody().toString()).contains("is the champion already");

		assertThat(post("officer", "/api/rulesets/releases", "{\"source\": \"folder\", \"rationale\": \"x\"}")
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(post("auditor", "/api/rulesets/releases", "{\"source\": \"folder\", \"rationale\": \"x\"}")
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(get("auditor", "/api/rulesets/releases").getStatusCode().value()).isEqualTo(200);
		assertThat(post("analyst", "/api/rulesets/reload", "{}").getStatusCode().value()).isEqualTo(404);
	}

	private static void addTheStudentRule() {
		rules.write("credit/students.drl", """
				package credit;

				import org.creditflow.application.EmploymentType;
				import org.creditflow.scoring.facts.Applicant;
				import org.creditflow.scoring.facts.LoanRequest;
				import org.creditflow.scoring.facts.Scoresheet;

				rule "Students borrow at most 5 million"
				    @reasonCode("STUDENT_AMOUNT_OVER_LIMIT")
				    agenda-group "policy"
				when
				    Applicant( employmentType == EmploymentType.STUDENT )
				    LoanRequest( amount > 5000000 )
				    $sheet : Scoresheet()
				then
				    $sheet.knockOut( drools.getRule() );
				end
				""")
			.append("reason-codes.csv", "STUDENT_AMOUNT_OVER_LIMIT,POLICY,Students may borrow at most 5 million KRW.,"
					+ "학생은 최대 500만 원까지 대출할 수 있습니다.\n");
	}

	private static ObjectNode nineteenYearOld() {
		return ApplicationBodies.body(ApplicationBodies.PRIME, LocalDate.now().minusYears(19));
	}

	static JsonNode submit(String user, Map<String, Object> fields) {
		try {
			ResponseEntity<JsonNode> submitted = post(user, "/api/rulesets/releases", JSON.writeValueAsString(fields));
			assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
			return submitted.getBody();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode fetch(JsonNode release) {
		return get("analyst", "/api/rulesets/releases/" + release.get("id").asText()).getBody();
	}

	static JsonNode awaitStatus(JsonNode release, String status) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> fetch(release), (fetched) -> status.equals(fetched.get("status").asText()));
	}

	static ResponseEntity<JsonNode> decide(JsonNode release, String decision, String user, String comment) {
		return post(user, "/api/rulesets/releases/" + release.get("id").asText() + "/" + decision,
				JSON.createObjectNode().put("comment", comment).toString());
	}

	private static String processInstance(JsonNode release) {
		return service.getBean(JdbcClient.class)
			.sql("select process_instance_id from ruleset_release where id = :id")
			.param("id", release.get("id").asText())
			.query(String.class)
			.single();
	}

	private static JsonNode active() {
		return get("analyst", "/api/rulesets/active").getBody();
	}

	private static ResponseEntity<JsonNode> get(String user, String path) {
		return client(user).get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private static ResponseEntity<JsonNode> post(String user, String path, String body) {
		return client(user).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/** The application's decision, once it has one; with the application's id. */
	private static JsonNode decide(ObjectNode body) {
		RestClient partner = client("partner");
		String id = partner.post()
			.uri("/api/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.toString())
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asText();
		ObjectNode decision = (ObjectNode) await().atMost(Duration.ofSeconds(30))
			.until(() -> partner.get().uri("/api/applications/" + id).retrieve().body(JsonNode.class),
					(view) -> view.has("decision"))
			.get("decision");
		return decision.put("applicationId", id);
	}

	private static RestClient client(String user) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
			.defaultHeaders((headers) -> headers.setBasicAuth(user, user))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

}
