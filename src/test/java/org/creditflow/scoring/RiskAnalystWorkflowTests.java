package org.creditflow.scoring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.SeparateService;
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
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The risk analyst's work as rules/README.md describes it, step by step, against a
 * running service reading its own copy of the rules folder: change a cut-off, add a rule
 * with a reason code and a scenario, validate, and see it decide without a restart; a
 * broken file is refused and the version in service keeps deciding.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskAnalystWorkflowTests {

	@TempDir
	static Path temp;

	static RulesFolder rules;

	static ConfigurableApplicationContext service;

	static RestClient analyst;

	static RestClient partner;

	@BeforeAll
	static void startService() {
		rules = RulesFolder.copyOfDefaultRules(temp.resolve("rules"));
		// its own in-memory database, whatever profile the suite runs in
		service = SeparateService.start("analyst", "--spring.profiles.active=default",
				"--creditflow.rules.location=" + rules.root());
		analyst = client("analyst");
		partner = client("partner");
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	@Test
	@Order(1)
	void shouldChangeACutOffAndDecideWithItWithoutARestart() {
		String before = active().get("version").asText();
		rules.replace("policy.properties", "age.minimum=19", "age.minimum=20").replace("tests/policy.yaml", """
				- scenario: An applicant of 19 may borrow
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: APPROVE
				    notReasons: [AGE_UNDER_19]""", """
				- scenario: An applicant of 19 is too young since the minimum age is 20
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: DECLINE
				    firstReason: AGE_UNDER_19""");

		JsonNode validation = post(analyst, "/api/rulesets/validate").getBody();
		assertThat(validation.get("valid").asBoolean()).as(validation.toString()).isTrue();
		ResponseEntity<JsonNode> reload = post(analyst, "/api/rulesets/reload");

		assertThat(reload.getStatusCode().value()).isEqualTo(200);
		String version = active().get("version").asText();
		assertThat(version).isNotEqualTo(before).isEqualTo(reload.getBody().get("version").asText());
		assertThat(active().get("policy").get("minimumAge").asInt()).isEqualTo(20);
		JsonNode decision = decide(ApplicationBodies.body(ApplicationBodies.PRIME, LocalDate.now().minusYears(19)));
		assertThat(decision.get("outcome").asText()).isEqualTo("DECLINED");
		assertThat(decision.get("reasons").get(0).get("code").asText()).isEqualTo("AGE_UNDER_19");
		assertThat(decision.get("rulesetVersion").asText()).isEqualTo(version);
	}

	@Test
	@Order(2)
	void shouldAddARuleWithAReasonCodeOnlyWithAScenarioThatExercisesIt() {
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

		JsonNode uncovered = post(analyst, "/api/rulesets/validate").getBody();
		assertThat(uncovered.get("valid").asBoolean()).isFalse();
		assertThat(uncovered.get("problems").get(0).get("file").asText()).isEqualTo("credit/students.drl");
		assertThat(uncovered.get("problems").get(0).get("message").asText()).contains("not exercised by any scenario");

		rules.append("tests/policy.yaml", """

				- scenario: A student asking for 10 million
				  given:
				    applicant: { employmentType: STUDENT }
				    loan: { amount: 10000000 }
				  expect:
				    band: DECLINE
				    firstReason: STUDENT_AMOUNT_OVER_LIMIT
				""");
		assertThat(post(analyst, "/api/rulesets/validate").getBody().get("valid").asBoolean()).isTrue();
		assertThat(post(analyst, "/api/rulesets/reload").getStatusCode().value()).isEqualTo(200);

		ObjectNode student = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) student.get("applicant")).put("employmentType", "STUDENT");
		JsonNode decision = decide(student);
		assertThat(decision.get("outcome").asText()).isEqualTo("DECLINED");
		assertThat(decision.get("reasons").get(0).get("text").asText()).contains("at most 5 million");
	}

	@Test
	@Order(3)
	void shouldRefuseABrokenFileWithFileAndLineAndKeepDeciding() {
		String before = active().get("version").asText();
		rules.replace("credit/students.drl", "LoanRequest( amount > 5000000 )", "LoanRequest( amount > )");

		ResponseEntity<JsonNode> reload = post(analyst, "/api/rulesets/reload");

		assertThat(reload.getStatusCode().value()).isEqualTo(422);
		assertThat(reload.getBody().get("problems").get(0).get("file").asText()).isEqualTo("credit/students.drl");
		assertThat(reload.getBody().get("problems").get(0).get("line").asInt()).isPositive();
		assertThat(active().get("version").asText()).isEqualTo(before);
		assertThat(active().get("lastReload").get("accepted").asBoolean()).isFalse();
		assertThat(decide(ApplicationBodies.body(ApplicationBodies.PRIME)).get("rulesetVersion").asText())
			.isEqualTo(before);
	}

	@Test
	@Order(4)
	void shouldLetOnlyRiskAnalystsReload() {
		assertThat(post(client("officer"), "/api/rulesets/reload").getStatusCode().value()).isEqualTo(403);
		assertThat(client("auditor").get()
			.uri("/api/rulesets/active")
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private static JsonNode active() {
		return analyst.get().uri("/api/rulesets/active").retrieve().body(JsonNode.class);
	}

	private static ResponseEntity<JsonNode> post(RestClient client, String path) {
		return client.post().uri(path).retrieve().toEntity(JsonNode.class);
	}

	private static JsonNode decide(ObjectNode body) {
		String id = partner.post()
			.uri("/api/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.toString())
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asText();
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> partner.get().uri("/api/applications/" + id).retrieve().body(JsonNode.class),
					(view) -> view.has("decision"))
			.get("decision");
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
