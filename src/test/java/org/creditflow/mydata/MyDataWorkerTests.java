package org.creditflow.mydata;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.creditflow.ApplicationBodies;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MyData collected by workers: a service whose two sources are both
 * {@code collected-by: worker}, and workers that are separate JVMs started with
 * {@code mydata-worker}, one of which is killed mid-fetch. The protocol's refusals are
 * played by hand against the same service: a worker that reports on what it did not lock,
 * under another name, or through any other door.
 */
class MyDataWorkerTests {

	private static final String WORKER = "worker";

	/** The REST API of this service's engine, named so beside the suite's shared one. */
	private static final String ENGINE = "/engine-rest/engine/workers";

	private static ConfigurableApplicationContext service;

	private static URI url;

	@BeforeAll
	static void startService() {
		// its own in-memory database, whatever profile the suite runs in
		service = SeparateService.start("workers", "--spring.profiles.active=default",
				"--creditflow.mydata.financial.collected-by=worker", "--creditflow.mydata.telecom.collected-by=worker");
		url = URI.create("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	@Test
	void shouldStoreWhatAWorkerReportsAndFinishTheTask() {
		String id = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		for (DataSource source : DataSource.values()) {
			String workerId = WORKER + "@test-" + source;
			ExternalTask task = lock(id, source, workerId);
			JsonNode order = post("/api/mydata-work/" + task.getId() + "/order", Map.of("workerId", workerId));
			assertThat(order.get("applicationId").asText()).isEqualTo(id);
			assertThat(order.get("person").get("name").asText()).isEqualTo("김민지");

			MyDataClient.Answer<?> answer = service.getBean(MyDataClient.class)
				.fetch(source, id,
						new ProfileRequest(order.get("person").get("name").asText(),
								java.time.LocalDate.parse(order.get("person").get("birthDate").asText()),
								order.get("person").get("phone").asText()));
			JsonNode report = post("/api/mydata-work/" + task.getId() + "/answer",
					Map.of("workerId", workerId, "provider", "provider-of-the-worker", "payload", answer.payload()));
			assertThat(report.get("outcome").asText()).isEqualTo("STORED");
			DataSnapshot stored = snapshot(id, source);
			assertThat(stored.status()).isEqualTo(DataSnapshot.Status.RECEIVED);
			assertThat(stored.provider()).isEqualTo("provider-of-the-worker");
			assertThat(stored.payload()).isEqualTo(answer.payload());
			assertThat(stored.payloadSha256()).isEqualTo(DataCollector.sha256(answer.payload()));
			assertThat(stored.consentScope()).isEqualTo(DataCollector.consentScope(source));
		}
		awaitStatus(id, Duration.ofSeconds(30), "APPROVED");
	}

	@Test
	void shouldTakeBothSourcesReportedAtTheSameMoment() {
		// both branches of the collection end together: each joins in a job of its own
		for (int round = 0; round < 5; round++) {
			String id = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
			List<CompletableFuture<JsonNode>> reports = new ArrayList<>();
			CountDownLatch together = new CountDownLatch(1);
			for (DataSource source : DataSource.values()) {
				String workerId = WORKER + "@race-" + source;
				ExternalTask task = lock(id, source, workerId);
				String payload = payload(id, source, workerId, task);
				reports.add(CompletableFuture.supplyAsync(() -> {
					awaitRelease(together);
					return post("/api/mydata-work/" + task.getId() + "/answer",
							Map.of("workerId", workerId, "provider", "p", "payload", payload));
				}));
			}
			together.countDown();
			assertThat(reports.stream().map(CompletableFuture::join).map((report) -> report.get("outcome").asText()))
				.containsExactly("STORED", "STORED");
			awaitStatus(id, Duration.ofSeconds(30), "APPROVED");
		}
	}

	@Test
	void shouldRetryFailedAttemptsThenGoOnWithoutTheSource() {
		String id = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		String workerId = WORKER + "@test-failing";
		answerFinancial(id, workerId);

		// a worker sending what is not a profile counts as a failed attempt, like a
		// provider's malformed answer
		ExternalTask first = lock(id, DataSource.TELECOM, workerId);
		JsonNode retry = post("/api/mydata-work/" + first.getId() + "/answer",
				Map.of("workerId", workerId, "provider", "p", "payload", "{\"not\": \"a profile\"}"));
		assertThat(retry.get("outcome").asText()).isEqualTo("RETRY");
		assertThat(retry.get("retriesLeft").asInt()).isEqualTo(1);
		assertThat(snapshot(id, DataSource.TELECOM)).isNull();

		// fetchable again after the cycle's interval (R2/PT1S in the tests)
		ExternalTask second = await().atMost(Duration.ofSeconds(10))
			.until(() -> tryLock(id, DataSource.TELECOM, workerId), (task) -> task != null);
		JsonNode last = post("/api/mydata-work/" + second.getId() + "/failure",
				Map.of("workerId", workerId, "provider", "p", "reason", "TIMEOUT", "message", "no answer in time"));
		assertThat(last.get("outcome").asText()).isEqualTo("MISSING");
		assertThat(snapshot(id, DataSource.TELECOM).status()).isEqualTo(DataSnapshot.Status.MISSING);

		awaitStatus(id, Duration.ofSeconds(30), "APPROVED", "OFFERED", "DECLINED", "IN_REVIEW");
		assertThat(api("partner").get()
			.uri("/api/applications/" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("decision")
			.get("reasons")
			.findValuesAsText("code")).contains("TELECOM_DATA_UNAVAILABLE");
	}

	@Test
	void shouldCompleteWithoutFetchingWhatTheApplicantDidNotConsentTo() {
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) body.get("consent")).put("telecomData", false);
		String id = submit(body);
		String workerId = WORKER + "@test-consent";
		ExternalTask task = lock(id, DataSource.TELECOM, workerId);
		ResponseEntity<String> order = api(WORKER).post()
			.uri("/api/mydata-work/" + task.getId() + "/order")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("workerId", workerId))
			.retrieve()
			.toEntity(String.class);
		assertThat(order.getStatusCode().value()).isEqualTo(204);
		assertThat(externalTasks().createExternalTaskQuery().externalTaskId(task.getId()).count()).isZero();
		assertThat(snapshot(id, DataSource.TELECOM)).isNull();
	}

	@Test
	void shouldRefuseReportsOnTasksTheWorkerDoesNotHold() {
		String id = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		ExternalTask task = lock(id, DataSource.FINANCIAL, WORKER + "@holder");
		String order = "/api/mydata-work/" + task.getId() + "/order";

		// another worker of the same account: the lock is not theirs
		assertThat(status(WORKER, order, Map.of("workerId", WORKER + "@other"))).isEqualTo(409);
		// a worker id of another account
		assertThat(status(WORKER, order, Map.of("workerId", "someone@holder"))).isEqualTo(403);
		// no such task
		assertThat(status(WORKER, "/api/mydata-work/no-such-task/order", Map.of("workerId", WORKER + "@holder")))
			.isEqualTo(404);
		// every problem of a report named
		assertThat(status(WORKER, "/api/mydata-work/" + task.getId() + "/failure", Map.of("workerId", "")))
			.isEqualTo(400);
		// nor lock MyData tasks in the engine, whatever their role
		for (String person : List.of("partner", "officer", "senior", "auditor", "admin")) {
			assertThat(status(person, ENGINE + "/external-task/fetchAndLock",
					Map.of("workerId", person + "@x", "maxTasks", 1, "topics",
							List.of(Map.of("topicName", "mydata-financial", "lockDuration", 1000)))))
				.as(person)
				.isEqualTo(403);
		}
		// people do not report for workers, whatever their role
		assertThat(status("officer", order, Map.of("workerId", "officer@holder"))).isEqualTo(403);
		assertThat(status("admin", order, Map.of("workerId", "admin@holder"))).isEqualTo(403);
		assertThat(snapshot(id, DataSource.FINANCIAL)).isNull();
	}

	@Test
	void shouldConfineWorkersToTheirDoorsAndKeepMyDataTasksFromPeople() {
		String id = submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		ExternalTask task = lock(id, DataSource.FINANCIAL, WORKER + "@confined");

		// the engine permissions fetchAndLock needs open nothing else to a worker
		assertThat(get(WORKER, ENGINE + "/process-instance")).isEqualTo(403);
		assertThat(get(WORKER, ENGINE + "/external-task")).isEqualTo(403);
		assertThat(get(WORKER, "/api/applications/" + id)).isEqualTo(403);
		assertThat(get(WORKER, "/camunda/api/engine/engine/workers/process-instance")).isEqualTo(403);
		assertThat(
				status(WORKER, ENGINE + "/message", Map.of("messageName", "ApplicationWithdrawn", "businessKey", id)))
			.isEqualTo(403);
		assertThat(status(WORKER, ENGINE + "/external-task/" + task.getId() + "/complete",
				Map.of("workerId", WORKER + "@confined")))
			.isEqualTo(403);
		// people may not finish a MyData task in the engine either, not even an
		// administrator: only the service does, with the snapshot
		assertThat(status("admin", ENGINE + "/external-task/" + task.getId() + "/complete",
				Map.of("workerId", WORKER + "@confined")))
			.isEqualTo(403);
		assertThat(status("admin", ENGINE + "/external-task/" + task.getId() + "/bpmnError",
				Map.of("workerId", WORKER + "@confined", "errorCode", "MYDATA_UNAVAILABLE")))
			.isEqualTo(403);
		assertThat(externalTasks().createExternalTaskQuery().externalTaskId(task.getId()).count()).isOne();
		assertThat(status(id)).isEqualTo("COLLECTING_DATA");
	}

	/** What the provider answers for the person the service names for the task. */
	private static String payload(String id, DataSource source, String workerId, ExternalTask task) {
		JsonNode person = post("/api/mydata-work/" + task.getId() + "/order", Map.of("workerId", workerId))
			.get("person");
		return service.getBean(MyDataClient.class)
			.fetch(source, id,
					new ProfileRequest(person.get("name").asText(),
							java.time.LocalDate.parse(person.get("birthDate").asText()), person.get("phone").asText()))
			.payload();
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void answerFinancial(String id, String workerId) {
		ExternalTask task = lock(id, DataSource.FINANCIAL, workerId);
		post("/api/mydata-work/" + task.getId() + "/answer", Map.of("workerId", workerId, "provider", "p", "payload",
				payload(id, DataSource.FINANCIAL, workerId, task)));
	}

	/** Locks the application's task of that source, as a worker's fetchAndLock does. */
	private static ExternalTask lock(String id, DataSource source, String workerId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> tryLock(id, source, workerId), (task) -> task != null);
	}

	private static ExternalTask tryLock(String id, DataSource source, String workerId) {
		JsonNode locked = api(WORKER).post()
			.uri(ENGINE + "/external-task/fetchAndLock")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("workerId", workerId, "maxTasks", 1, "topics",
					List.of(Map.of("topicName", MyDataCollection.topic(source), "lockDuration", 30_000, "businessKey",
							id))))
			.retrieve()
			.body(JsonNode.class);
		if (locked.isEmpty()) {
			return null;
		}
		return externalTasks().createExternalTaskQuery()
			.externalTaskId(locked.get(0).get("id").asText())
			.singleResult();
	}

	private static String submit(ObjectNode body) {
		return api("partner").post()
			.uri("/api/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.toString())
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asText();
	}

	private static JsonNode post(String path, Map<String, ?> body) {
		return api(WORKER).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class);
	}

	private static int status(String user, String path, Map<String, ?> body) {
		return api(user).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> response.getStatusCode())
			.value();
	}

	private static int get(String user, String path) {
		HttpStatusCode code = api(user).get().uri(path).exchange((request, response) -> response.getStatusCode());
		return code.value();
	}

	private static String status(String id) {
		return api("partner").get()
			.uri("/api/applications/" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("status")
			.asText();
	}

	private static void awaitStatus(String id, Duration within, String... expected) {
		await().atMost(within)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> status(id), List.of(expected)::contains);
	}

	private static DataSnapshot snapshot(String id, DataSource source) {
		return service.getBean(MyDataProfiles.class).snapshot(id, source).orElse(null);
	}

	private static RestClient api(String user) {
		return RestClient.builder()
			.baseUrl(url.toString())
			.defaultHeaders((headers) -> headers.setBasicAuth(user, user))
			.build();
	}

	private static ExternalTaskService externalTasks() {
		return service.getBean(ExternalTaskService.class);
	}

}
