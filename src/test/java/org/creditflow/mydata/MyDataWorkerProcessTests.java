package org.creditflow.mydata;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.PostgresTestSchema;
import org.creditflow.ServiceDatabase;
import org.creditflow.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MyData collected by workers as an operator runs them: the service in a JVM of its own
 * with both sources {@code collected-by: worker}, and workers started with
 * {@code mydata-worker} in JVMs of their own, one of them killed in the middle of a
 * fetch. Runs on the suite's database (H2 file, or PostgreSQL with {@code -Ppostgres}),
 * in a file or schema of its own, so it runs beside the other test classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class MyDataWorkerProcessTests {

	@TempDir
	Path directory;

	@Test
	void shouldCollectThroughWorkerProcessesAndFinishAKilledWorkersTask() {
		Path home = this.directory.resolve("service");
		try (ServiceProcess service = ServiceProcess.start(home,
				ServiceDatabase.forSuite(PostgresTestSchema.suiteSchema() + "_workers", home),
				"--creditflow.mydata.financial.collected-by=worker",
				"--creditflow.mydata.telecom.collected-by=worker")) {
			URI url = service.url();
			// a telecom provider that takes 6 s for applicants of the slow fault, within
			// a
			// timeout of 8 s: long enough to kill the worker in the middle of the fetch
			String[] slowProvider = { "--creditflow.mydata.telecom.timeout=PT8S",
					"--creditflow.mydata.simulator.slow-answer=PT6S", "--creditflow.worker.threads=2",
					"--creditflow.worker.max-tasks=1", "--creditflow.worker.lock-duration=PT10S",
					"--creditflow.worker.poll-timeout=PT5S" };
			List<String> ordinary;
			String slow;
			String killed;
			try (WorkerProcess first = WorkerProcess.start(url, "/engine-rest", "worker-1", slowProvider)) {
				ordinary = List.of(submit(url, ApplicationBodies.PRIME),
						submit(url, ApplicationBodies.THIN_FILE_GOOD_TELECOM),
						submit(url, ApplicationBodies.DELINQUENT));
				for (String id : ordinary) {
					awaitStatus(url, id, "APPROVED", "OFFERED", "DECLINED", "IN_REVIEW");
					assertThat(fetches(url, id)).containsExactlyInAnyOrder("FINANCIAL data received",
							"TELECOM data received");
				}

				slow = api(url, "partner").post()
					.uri("/api/applications")
					.contentType(MediaType.APPLICATION_JSON)
					.body(ApplicationBodies.withProviderFault("0002", ApplicationBodies.PRIME).toString())
					.retrieve()
					.body(JsonNode.class)
					.get("id")
					.asText();
				String instance = processInstance(url, slow);
				JsonNode fetching = await().atMost(Duration.ofSeconds(60))
					.until(() -> api(url, "admin").get()
						.uri("/engine-rest/external-task?topicName=mydata-telecom&locked=true&processInstanceId="
								+ instance)
						.retrieve()
						.body(JsonNode.class), (tasks) -> !tasks.isEmpty())
					.get(0);
				// the other thread has stored the financial data meanwhile
				await().atMost(Duration.ofSeconds(5)).until(() -> fetches(url, slow), (done) -> !done.isEmpty());
				killed = fetching.get("workerId").asText();
				assertThat(killed).startsWith(first.workerId() + "-").startsWith("worker@");
				first.kill();
			}
			assertThat(status(url, slow)).isEqualTo("COLLECTING_DATA");
			assertThat(fetches(url, slow)).containsExactly("FINANCIAL data received");

			try (WorkerProcess second = WorkerProcess.start(url, "/engine-rest", "worker-2", slowProvider)) {
				// the dead worker's lock runs out (10 s), and the second takes the task
				// at
				// its next poll
				awaitStatus(url, slow, "APPROVED");
				assertThat(fetches(url, slow)).containsExactlyInAnyOrder("FINANCIAL data received",
						"TELECOM data received");
				JsonNode done = api(url, "admin").get()
					.uri("/engine-rest/history/external-task-log?successLog=true&topicName=mydata-telecom"
							+ "&processInstanceId=" + processInstance(url, slow))
					.retrieve()
					.body(JsonNode.class);
				assertThat(done.findValuesAsText("workerId")).singleElement()
					.asString()
					.startsWith(second.workerId() + "-");
			}
			for (String id : List.of(slow, ordinary.get(0), ordinary.get(1), ordinary.get(2))) {
				assertThat(api(url, "admin").get()
					.uri("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id)
					.retrieve()
					.body(JsonNode.class)).as("one process instance for %s", id).hasSize(1);
				assertThat(trail(url, id).get("activitiesPassed").toString())
					.contains("Task_FetchFinancialDataByWorker", "Task_FetchTelecomDataByWorker")
					.doesNotContain("Task_CollectFinancialData");
			}
			assertThat(api(url, "auditor").get()
				.uri("/api/audit/verify")
				.retrieve()
				.body(JsonNode.class)
				.get("valid")
				.asBoolean()).isTrue();
		}
	}

	private static String submit(URI url, String persona) {
		return api(url, "partner").post()
			.uri("/api/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApplicationBodies.body(persona).toString())
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asText();
	}

	private static String processInstance(URI url, String id) {
		return api(url, "admin").get()
			.uri("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id)
			.retrieve()
			.body(JsonNode.class)
			.get(0)
			.get("id")
			.asText();
	}

	private static JsonNode trail(URI url, String id) {
		return api(url, "auditor").get().uri("/api/audit/applications/" + id).retrieve().body(JsonNode.class);
	}

	/** The application's MyData fetches, as the audit trail shows them. */
	private static List<String> fetches(URI url, String id) {
		return StreamSupport.stream(trail(url, id).get("timeline").spliterator(), false)
			.filter((entry) -> "DATA_FETCH".equals(entry.get("type").asText()))
			.map((entry) -> entry.get("title").asText())
			.toList();
	}

	private static String status(URI url, String id) {
		return api(url, "partner").get()
			.uri("/api/applications/" + id)
			.retrieve()
			.body(JsonNode.class)
			.get("status")
			.asText();
	}

	private static void awaitStatus(URI url, String id, String... expected) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> status(url, id), List.of(expected)::contains);
	}

	private static RestClient api(URI url, String user) {
		return RestClient.builder()
			.baseUrl(url.toString())
			.defaultHeaders((headers) -> headers.setBasicAuth(user, user))
			.build();
	}

}
