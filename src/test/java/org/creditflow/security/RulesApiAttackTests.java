package org.creditflow.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.SeparateService;
import org.creditflow.ServiceClient;
import org.creditflow.release.RulesZip;
import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.RulesFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A rule file is code the service would run. One that reaches beyond the facts (a file
 * through {@code java.io}, a process through {@code Runtime}, reflection) in a
 * constraint, a consequence, a function or an annotation Drools evaluates while it
 * builds, is refused wherever it arrives: the candidate (validated by the folder
 * watcher), validation, a release of the folder or of an uploaded zip, and start-up. None
 * of its code ever runs (the marker file it would create never appears), and the version
 * in service keeps deciding. The service reads its own copy of the rules folder, as in
 * {@code RiskAnalystWorkflowTests}: the shared test context reads the project's, where an
 * attack file must never land.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesApiAttackTests {

	private static final String HEADER = """
			package credit;

			import org.creditflow.scoring.facts.Applicant;
			import org.creditflow.scoring.facts.Scoresheet;

			""";

	@TempDir
	static Path temp;

	static RulesFolder rules;

	static ConfigurableApplicationContext service;

	static ServiceClient client;

	static String versionInService;

	@BeforeAll
	static void startService() {
		rules = RulesFolder.copyOfDefaultRules(temp.resolve("rules"));
		// the default profile watches the rules folder and validates the candidate
		service = SeparateService.start("attack", "--spring.profiles.active=default",
				"--creditflow.rules.location=" + rules.root());
		client = new ServiceClient(new TestRestTemplate(new RestTemplateBuilder()
			.rootUri("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))));
		versionInService = active().get("version").asText();
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	/** What each attack file would do, and the lines it must be refused on. */
	static Stream<Arguments> attacks() {
		return Stream.of(Arguments.of("java.io.File in a constraint and a consequence", """
				rule "Attack"
				    agenda-group "decision"
				when
				    Applicant( new java.io.File( "MARKER" ).createNewFile() )
				    $sheet : Scoresheet()
				then
				    new java.io.File( "MARKER" ).createNewFile();
				end
				""", List.of(9, 12)), Arguments.of("Runtime.exec in a constraint and a consequence", """
				rule "Attack"
				    agenda-group "decision"
				when
				    Applicant( Runtime.getRuntime().exec( "touch MARKER" ).waitFor() == 0 )
				    $sheet : Scoresheet()
				then
				    Runtime.getRuntime().exec( "touch MARKER" ).waitFor();
				end
				""", List.of(9, 12)),
				Arguments.of("reflection in a constraint and a consequence",
						"""
								rule "Attack"
								    agenda-group "decision"
								when
								    Applicant( Class.forName( "java.io.File" ).getConstructor( String.class ).newInstance( "MARKER" ) != null )
								    $sheet : Scoresheet()
								then
								    Object file = Class.forName( "java.io.File" ).getConstructor( String.class ).newInstance( "MARKER" );
								    file.getClass().getMethod( "createNewFile" ).invoke( file );
								end
								""",
						List.of(9, 12, 13)),
				Arguments.of("an annotation evaluated while the rule base is built", """
						rule "Attack"
						    @reasonCode( new java.io.File( "MARKER" ).createNewFile() )
						    agenda-group "decision"
						when
						    $sheet : Scoresheet()
						then
						end
						""", List.of(7)), Arguments.of("java.io.File in a function an eval calls", """
						function boolean touch( String path ) {
						    return new java.io.File( path ).createNewFile();
						}

						rule "Attack"
						    agenda-group "decision"
						when
						    $sheet : Scoresheet()
						    eval( touch( "MARKER" ) )
						then
						end
						""", List.of(7)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	@Order(1)
	void shouldRefuseARuleFileThatReachesBeyondTheFactsAndNeverRunIt(String attack, String rule, List<Integer> lines) {
		String file = "credit/attack-" + Math.abs(attack.hashCode()) + ".drl";
		Path marker = temp.resolve("pwned-" + Math.abs(attack.hashCode()));
		rules.write(file, HEADER + rule.replace("MARKER", marker.toString()));
		try {
			JsonNode candidate = await().atMost(Duration.ofSeconds(30))
				.until(() -> client.as("analyst").getForObject("/api/rulesets/candidate", JsonNode.class),
						(seen) -> !seen.path("version").asText().equals(versionInService));
			ResponseEntity<JsonNode> validation = post("analyst", "/api/rulesets/validate");
			JsonNode release = releaseOfTheFolder();

			assertThat(marker).doesNotExist();
			assertThat(candidate.get("valid").asBoolean()).isFalse();
			assertThat(linesOf(candidate, file)).containsAll(lines);
			assertThat(validation.getStatusCode().value()).isEqualTo(200);
			assertThat(validation.getBody().get("valid").asBoolean()).isFalse();
			assertThat(linesOf(validation.getBody(), file)).containsAll(lines);
			assertThat(release.get("status").asText()).isEqualTo("INVALID");
			assertThat(linesOf(release.get("validation"), file)).containsAll(lines);
			assertThat(active().get("version").asText()).isEqualTo(versionInService);
		}
		finally {
			rules.delete(file);
		}
	}

	@Test
	@Order(2)
	void shouldKeepDecidingWithTheVersionInServiceWhileAnAttackLiesInTheFolder() {
		Path marker = temp.resolve("pwned-while-deciding");
		rules.write("credit/attack.drl", HEADER + """
				rule "Attack"
				    agenda-group "decision"
				when
				    $sheet : Scoresheet()
				then
				    new java.io.File( "MARKER" ).createNewFile();
				end
				""".replace("MARKER", marker.toString()));
		JsonNode release = releaseOfTheFolder();

		String id = client.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		JsonNode decision = await().atMost(Duration.ofSeconds(60))
			.until(() -> client.as("partner").getForObject("/api/applications/" + id, JsonNode.class),
					(view) -> view.has("decision"))
			.get("decision");

		assertThat(marker).doesNotExist();
		assertThat(release.get("status").asText()).isEqualTo("INVALID");
		assertThat(active().get("version").asText()).isEqualTo(versionInService);
		assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(decision.get("rulesetVersion").asText()).isEqualTo(versionInService);
	}

	@Test
	@Order(3)
	void shouldRefuseAnUploadedRulesetThatReachesBeyondTheFactsAndNeverRunIt() {
		Path marker = temp.resolve("pwned-by-upload");
		RulesFolder attacked = RulesFolder.copyOfDefaultRules(temp.resolve("uploaded-rules"))
			.write("credit/attack.drl", HEADER + """
					rule "Attack"
					    @reasonCode( new java.io.File( "MARKER" ).createNewFile() )
					    agenda-group "decision"
					when
					    $sheet : Scoresheet()
					then
					    new java.io.File( "MARKER" ).createNewFile();
					end
					""".replace("MARKER", marker.toString()));
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(RulesZip.of(attacked, "")) {
			@Override
			public String getFilename() {
				return "rules.zip";
			}
		});
		form.add("rationale", "attack");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);

		ResponseEntity<JsonNode> submitted = client.as("analyst")
			.postForEntity("/api/rulesets/releases", new HttpEntity<>(form, headers), JsonNode.class);
		assertThat(submitted.getStatusCode().value()).isEqualTo(201);
		String id = submitted.getBody().get("id").asText();
		JsonNode release = await().atMost(Duration.ofSeconds(60))
			.until(() -> client.as("analyst").getForObject("/api/rulesets/releases/" + id, JsonNode.class),
					(seen) -> !"SUBMITTED".equals(seen.get("status").asText()));

		assertThat(marker).doesNotExist();
		assertThat(release.get("status").asText()).isEqualTo("INVALID");
		assertThat(linesOf(release.get("validation"), "credit/attack.drl")).contains(7);
		assertThat(active().get("version").asText()).isEqualTo(versionInService);
	}

	@Test
	@Order(4)
	void shouldLetOnlyTheRiskTeamValidateOrSubmitReleases() {
		for (String user : List.of("partner", "officer", "auditor")) {
			assertThat(post(user, "/api/rulesets/validate").getStatusCode().value()).as(user).isEqualTo(403);
			assertThat(client.as(user)
				.postForEntity("/api/rulesets/releases",
						ServiceClient.json("{\"source\": \"folder\", \"rationale\": \"x\"}"), JsonNode.class)
				.getStatusCode()
				.value()).as(user).isEqualTo(403);
		}
	}

	/** A release of the rules folder as it is now, once validated. */
	private static JsonNode releaseOfTheFolder() {
		ResponseEntity<JsonNode> submitted = client.as("analyst")
			.postForEntity("/api/rulesets/releases",
					ServiceClient.json("{\"source\": \"folder\", \"rationale\": \"attack\"}"), JsonNode.class);
		assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
		String id = submitted.getBody().get("id").asText();
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> client.as("analyst").getForObject("/api/rulesets/releases/" + id, JsonNode.class),
					(release) -> !"SUBMITTED".equals(release.get("status").asText()));
	}

	@Test
	@Order(5)
	void shouldRefuseToStartWithARuleFileThatReachesBeyondTheFacts() {
		Path marker = temp.resolve("pwned-at-start-up");
		RulesFolder attacked = RulesFolder.copyOfDefaultRules(temp.resolve("attacked-rules"))
			.write("credit/attack.drl", HEADER + """
					rule "Attack"
					    @reasonCode( new java.io.File( "MARKER" ).createNewFile() )
					    agenda-group "decision"
					when
					    $sheet : Scoresheet()
					then
					    new java.io.File( "MARKER" ).createNewFile();
					end
					""".replace("MARKER", marker.toString()));

		Throwable refusal = catchThrowable(() -> SeparateService.start("attacked", "--spring.profiles.active=default",
				"--camunda.bpm.job-execution.enabled=false", "--creditflow.rules.location=" + attacked.root()));

		assertThat(marker).doesNotExist();
		assertThat(refusal).hasRootCauseInstanceOf(InvalidRulesetException.class)
			.rootCause()
			.hasMessageContaining("credit/attack.drl:7: java.io.File is not allowed");
	}

	private static List<Integer> linesOf(JsonNode answer, String file) {
		List<Integer> lines = new ArrayList<>();
		for (JsonNode problem : answer.path("problems")) {
			if (problem.get("file").asText().equals(file)) {
				lines.add(problem.get("line").asInt());
			}
		}
		return lines;
	}

	private static JsonNode active() {
		return client.as("analyst").getForObject("/api/rulesets/active", JsonNode.class);
	}

	private static ResponseEntity<JsonNode> post(String user, String path) {
		return client.as(user).postForEntity(path, null, JsonNode.class);
	}

}
