package org.creditflow.backtest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.RecordedCases;
import org.creditflow.scoring.RulesFolder;
import org.creditflow.scoring.RulesetCompiler;
import org.creditflow.scoring.RulesetCandidate;
import org.creditflow.scoring.StoredRulesets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The risk team backtests inside the service: on an uploaded lending history or on the
 * recorded assessments, on the node's bounded queue, with results to read once done.
 * Every request that cannot run is refused whole, with every problem named, and stores
 * nothing.
 */
@CreditflowIntegrationTest
class BacktestApiTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BacktestQueue queue;

	@Autowired
	ActiveRuleset active;

	@Autowired
	StoredRulesets stored;

	@Autowired
	RecordedCases recorded;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldBacktestAnUploadedHistoryAgainstTheActiveRulesetAndServeItsResults() {
		ResponseEntity<JsonNode> accepted = upload("analyst", "ruleset=candidate&baseline=active", history(2000));

		assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(202);
		URI location = accepted.getHeaders().getLocation();
		assertThat(location).hasToString("/api/backtests/" + accepted.getBody().get("id").asText());
		assertThat(accepted.getBody().get("status").asText()).isIn("QUEUED", "RUNNING");
		assertThat(accepted.getBody().get("requestedBy").asText()).isEqualTo("analyst");
		assertThat(accepted.getBody().get("ruleset").get("named").asText()).isEqualTo("candidate");
		assertThat(accepted.getBody().get("baseline").get("version").asText()).isEqualTo(this.active.get().version());
		JsonNode run = awaitEnd(location.toString());

		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
		assertThat(run.get("progress").get("rows").asLong()).isEqualTo(2000);
		assertThat(run.get("progress").get("done").asLong()).isEqualTo(2000);
		assertThat(run.get("progress").get("percent").asInt()).isEqualTo(100);
		JsonNode summary = run.get("summary");
		assertThat(summary.isObject()).isTrue();
		assertThat(summary.get("rows").asLong()).isEqualTo(2000);
		assertThat(summary.get("approvalRate").asDouble()).isBetween(0.01, 0.99);
		assertThat(summary.get("gini").asDouble()).isPositive();
		assertThat(summary.get("comparison").get("baseline").get("rows").asLong()).isEqualTo(2000);

		ResponseEntity<String> report = get("riskmanager", location + "/report");
		assertThat(report.getStatusCode().value()).isEqualTo(200);
		assertThat(report.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(report.getBody()).contains("id=\"chart-roc\"");
		assertThat(report.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'")
			.contains("sandbox allow-scripts");

		ResponseEntity<String> decisions = get("analyst", run.get("links").get("decisions").asText());
		assertThat(decisions.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
			.isTrue();
		assertThat(decisions.getHeaders().getContentDisposition().isAttachment()).isTrue();
		assertThat(decisions.getHeaders().getContentDisposition().getFilename()).isEqualTo("decisions.csv");
		assertThat(decisions.getBody().lines()).hasSize(2001).first().asString().startsWith("id,segment,bad");

		JsonNode stored = read(get("analyst", location + "/summary").getBody());
		assertThat(stored).isEqualTo(summary);
		JsonNode latest = read(get("riskmanager", "/api/backtests").getBody());
		assertThat(latest.get(0).get("id").asText()).isEqualTo(run.get("id").asText());
		assertThat(latest.get(0).has("summary")).isFalse();
	}

	@Test
	void shouldReproduceEveryAssessmentTheActiveRulesetRecorded() {
		List<String> applications = new ArrayList<>();
		for (String persona : List.of(ApplicationBodies.PRIME, ApplicationBodies.AVERAGE,
				ApplicationBodies.THIN_FILE_GOOD_TELECOM, ApplicationBodies.THIN_FILE_BAD_TELECOM,
				ApplicationBodies.OVER_INDEBTED, ApplicationBodies.DELINQUENT)) {
			applications.add(this.service.submit(ApplicationBodies.body(persona)));
		}
		for (int i = 0; i < 14; i++) {
			applications.add(this.service.submit(ApplicationBodies.drawnFromPopulation()));
		}
		for (String application : applications) {
			await().atMost(Duration.ofSeconds(90))
				.until(() -> this.service.status(application),
						Set.of("APPROVED", "OFFERED", "DECLINED", "IN_REVIEW")::contains);
		}
		LocalDate today = LocalDate.now(this.clock);
		String version = this.active.get().version();

		ResponseEntity<JsonNode> accepted = post("analyst", """
				{"ruleset": "active", "population": {"recorded": {"from": "%s", "to": "%s", "rulesetVersion": "%s"}}}"""
			.formatted(today, today, version));

		assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(202);
		assertThat(accepted.getBody().get("population").asText()).contains("recorded assessments from " + today);
		JsonNode run = awaitEnd(accepted.getHeaders().getLocation().toString());
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
		JsonNode reproduced = run.get("summary").get("reproduced");
		assertThat(reproduced.get("compared").asLong()).isGreaterThanOrEqualTo(applications.size())
			.isEqualTo(run.get("summary").get("rows").asLong());
		assertThat(reproduced.get("identical").asLong()).as(reproduced.toString())
			.isEqualTo(reproduced.get("compared").asLong());
		String decisions = get("analyst", run.get("links").get("decisions").asText()).getBody();
		applications.forEach((application) -> assertThat(decisions).contains(application + "#1,"));
	}

	@Test
	void shouldLetOnlyTheRiskTeamBacktest() {
		String body = """
				{"ruleset": "active", "population": {"recorded": {}}}""";
		long before = runs();

		for (String user : List.of("officer", "auditor", "partner")) {
			assertThat(post(user, body).getStatusCode().value()).as(user).isEqualTo(403);
			assertThat(upload(user, "ruleset=active", history(10)).getStatusCode().value()).as(user).isEqualTo(403);
			assertThat(get(user, "/api/backtests").getStatusCode().value()).as(user).isEqualTo(403);
		}
		assertThat(get("riskmanager", "/api/backtests").getStatusCode().value()).isEqualTo(200);
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAnInvalidFileWithEveryRowAndColumnAndStoreNothing() throws Exception {
		List<String> lines = new ArrayList<>(history(20).lines().toList());
		lines.set(3, cellReplaced(lines.get(3), "amount", "lots"));
		lines.set(7, cellReplaced(lines.get(7), "termMonths", "0"));
		lines.set(7, cellReplaced(lines.get(7), "purpose", "HOLIDAY"));
		long before = runs();

		// sent in chunks, without a declared length
		HttpResponse<String> refused = send("analyst", "ruleset=active&baseline=latest", "text/csv",
				String.join("\n", lines));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode problem = read(refused.body());
		assertThat(problem.get("rows").asLong()).isEqualTo(20);
		assertThat(problem.get("rowsWithProblems").asLong()).isEqualTo(2);
		assertThat(problem.get("detail").asText()).contains("2 of 20 rows");
		assertThat(problem.get("errors").toString()).contains("""
				{"field":"amount","row":3,"message":"'lots' is not a whole number"}""")
			.contains("{\"field\":\"termMonths\",\"row\":7,")
			.contains("{\"field\":\"purpose\",\"row\":7,")
			.contains("{\"field\":\"baseline\",\"message\":\"'latest' is neither active, candidate nor");
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAnUnknownOrMalformedRulesetVersion() {
		String unknown = "0".repeat(64);
		long before = runs();

		ResponseEntity<JsonNode> refused = post("analyst", """
				{"ruleset": "%s", "baseline": "ACTIVE", "population": {"recorded": {}}}""".formatted(unknown));
		ResponseEntity<JsonNode> unreadable = post("analyst", """
				{"ruleset": "active", "population": {"recorded": {"from": "2026-02-30"}}, "threads": 4}""");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("errors").toString()).contains("ruleset version " + unknown + " is unknown")
			.contains("'ACTIVE' is neither");
		assertThat(unreadable.getStatusCode().value()).isEqualTo(400);
		assertThat(unreadable.getBody().get("errors").toString()).contains("population.recorded.from")
			.contains("threads");
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void shouldRefuseABrokenCandidateWithEveryProblemByFileAndLine(@TempDir Path temp) throws IOException {
		RulesFolder broken = RulesFolder.copyOfDefaultRules(temp.resolve("rules"))
			.replace("credit/policy.drl", "Applicant( age < $minimumAge )", "Applicant( age < )");
		int line = broken.read("credit/policy.drl").lines().toList().indexOf("    Applicant( age < )") + 1;
		InvalidRulesetException compiled = org.junit.jupiter.api.Assertions.assertThrows(InvalidRulesetException.class,
				() -> RulesetCompiler.compileFolder(broken.root()));
		RulesetCandidate rulesFolder = mock(RulesetCandidate.class);
		when(rulesFolder.compile()).thenThrow(compiled);
		BacktestPlanner planner = new BacktestPlanner(this.active, rulesFolder, this.stored, this.recorded, this.clock);
		Path file = Files.writeString(temp.resolve("history.csv"), history(10));

		assertThatThrownBy(() -> planner.upload("candidate", "active", file))
			.isInstanceOfSatisfying(InvalidBacktestException.class, (refused) -> {
				assertThat(refused.problems()).hasSameSizeAs(compiled.problems()).allSatisfy((problem) -> {
					assertThat(problem.field()).isEqualTo("ruleset");
					assertThat(problem.message())
						.startsWith("the candidate ruleset does not compile: credit/policy.drl");
				});
				assertThat(refused.problems().get(0).message())
					.startsWith("the candidate ruleset does not compile: credit/policy.drl:" + line + ": ");
				assertThat(refused.detail()).isEqualTo(refused.problems().size() + " problems with the request.");
			});
	}

	@Test
	void shouldRefuseARequestWhenTheQueueIsFullAndStoreNothing() throws Exception {
		List<BacktestQueue.Place> taken = new ArrayList<>();
		long before = runs();
		try {
			while (true) {
				taken.add(this.queue.reserve());
			}
		}
		catch (BacktestQueue.QueueFullException full) {
			// a client of its own: Apache's, under TestRestTemplate, waits out
			// Retry-After and asks again
			HttpResponse<String> refused = send("analyst", "", "application/json", """
					{"ruleset": "active", "population": {"recorded": {}}}""");

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("60");
			assertThat(read(refused.body()).get("detail").asText()).contains("11 backtests are running or waiting");
			assertThat(send("analyst", "ruleset=active", "text/csv", history(10)).statusCode()).isEqualTo(429);
			assertThat(runs()).isEqualTo(before);
		}
		finally {
			taken.forEach(BacktestQueue.Place::release);
		}
		assertThat(upload("analyst", "ruleset=active", history(10)).getStatusCode().value()).isEqualTo(202);
	}

	@Test
	void shouldReadARunWhoseNodeStoppedAnsweringAsInterrupted() {
		String orphan = insertRun("RUNNING", OffsetDateTime.now(this.clock).minusMinutes(3));
		String alive = insertRun("RUNNING", OffsetDateTime.now(this.clock).minusSeconds(20));

		JsonNode interrupted = read(get("analyst", "/api/backtests/" + orphan).getBody());
		JsonNode running = read(get("analyst", "/api/backtests/" + alive).getBody());

		assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
		assertThat(interrupted.get("error").asText()).contains("node-that-died").contains("will not finish");
		assertThat(interrupted.get("progress").get("percent").asInt()).isEqualTo(25);
		assertThat(running.get("status").asText()).isEqualTo("RUNNING");
		assertThat(running.has("summary")).isFalse();
		assertThat(running.get("links").has("report")).isFalse();
		for (String result : List.of("report", "decisions", "summary")) {
			ResponseEntity<String> conflict = get("analyst", "/api/backtests/" + orphan + "/" + result);
			assertThat(conflict.getStatusCode().value()).as(result).isEqualTo(409);
			assertThat(conflict.getBody()).as(result).contains("is INTERRUPTED");
		}
		assertThat(get("analyst", "/api/backtests/" + alive + "/report").getBody()).contains("is RUNNING");
		assertThat(get("analyst", "/api/backtests/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void shouldTakeAFileUpToTheUploadLimitAndEverythingElseUpToTheServiceWideLimit() throws IOException {
		String body = """
				{"ruleset": "active", "population": {"recorded": {}}, "note": "%s"}""".formatted("x".repeat(70_000));

		assertThat(post("analyst", body).getStatusCode().value()).isEqualTo(413);
		assertThat(declaredOnly("text/csv", 200L * 1024 * 1024 + 1)).startsWith("HTTP/1.1 413")
			.contains("larger than the 209715200 bytes");
		assertThat(declaredOnly("application/json", 200L * 1024 * 1024)).startsWith("HTTP/1.1 413")
			.contains("larger than the 65536 bytes");
	}

	@Test
	void shouldDescribeBothWaysToRequestABacktestInTheApiDocument() {
		JsonNode post = read(get("analyst", "/v3/api-docs").getBody()).get("paths").get("/api/backtests").get("post");

		assertThat(post.get("requestBody").get("content").has("application/json")).isTrue();
		assertThat(post.get("requestBody").get("content").has("text/csv")).isTrue();
		assertThat(post.get("responses").has("202")).isTrue();
		assertThat(post.get("responses").has("429")).isTrue();
	}

	/**
	 * A synthetic lending history of that many rows, as the history command writes it.
	 */
	static String history(int rows) {
		StringWriter csv = new StringWriter();
		try {
			HistoryCommand.write(csv, rows, 7, HistoryCommand.DEFAULT_TELECOM_SIGNAL,
					new Progress(new PrintStream(OutputStream.nullOutputStream()), "history", rows));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return csv.toString();
	}

	private static String cellReplaced(String line, String column, String value) {
		List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
		cells.set(HistoryFormat.COLUMNS.indexOf(column), value);
		return String.join(",", cells);
	}

	private String insertRun(String status, OffsetDateTime heartbeat) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into backtest_run (id, status, requested_by, requested_at, started_at, ruleset_version,
				    ruleset_named, population, rows_total, rows_done, node, heartbeat_at)
				values (:id, :status, 'analyst', :at, :at, :version, 'active', 'uploaded file, 400 rows', 400, 100,
				    'node-that-died', :heartbeat)""")
			.param("id", id)
			.param("status", status)
			.param("at", heartbeat.minusMinutes(1))
			.param("version", this.active.get().version())
			.param("heartbeat", heartbeat)
			.update();
		return id;
	}

	private JsonNode awaitEnd(String location) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> read(get("analyst", location).getBody()),
					(run) -> Set.of("DONE", "FAILED").contains(run.get("status").asText()));
	}

	private long runs() {
		return this.jdbc.sql("select count(*) from backtest_run").query(Long.class).single();
	}

	private ResponseEntity<JsonNode> post(String user, String json) {
		return this.service.as(user).postForEntity("/api/backtests", ServiceClient.json(json), JsonNode.class);
	}

	private ResponseEntity<JsonNode> upload(String user, String query, String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		return this.service.as(user)
			.postForEntity("/api/backtests?" + query, new HttpEntity<>(csv, headers), JsonNode.class);
	}

	/** Posts to {@code /api/backtests} in chunks, without a declared length. */
	private HttpResponse<String> send(String user, String query, String contentType, String body)
			throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/backtests?" + query))
			.header("Content-Type", contentType)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The answer to a request that declares a body of that length and sends none of it: a
	 * body above the limit is refused before it is read.
	 */
	private String declaredOnly(String contentType, long length) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /api/backtests?ruleset=active HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
						+ "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			// the server would wait for the body it then throws away
			socket.shutdownOutput();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private ResponseEntity<String> get(String user, String path) {
		return this.service.as(user).getForEntity(path, String.class);
	}

	private static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(json, ex);
		}
	}

}
