package org.creditflow.mydata;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.creditflow.ApplicationBodies;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where a source is configured to stop for an operator instead of going on without it, a
 * provider that stays down leaves an incident; once the provider is back, retrying the
 * incident (as Cockpit does) finishes the application.
 */
class IncidentModeTests {

	@Test
	void shouldLeaveAnIncidentThatAnOperatorRetriesOnceTheProviderIsBack() {
		// its own in-memory database, whatever profile the suite runs in
		try (ConfigurableApplicationContext service = SeparateService.start("incidents",
				"--spring.profiles.active=default", "--creditflow.mydata.financial.when-unavailable=incident")) {
			RestClient api = RestClient.builder()
				.baseUrl("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
				.defaultHeaders((headers) -> headers.setBasicAuth("partner", "partner"))
				.build();
			RuntimeService runtime = service.getBean(RuntimeService.class);
			// the simulator's financial provider is down for two requests, then back
			String id = api.post()
				.uri("/api/applications")
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApplicationBodies.withProviderFault("0005", ApplicationBodies.PRIME).toString())
				.retrieve()
				.body(JsonNode.class)
				.get("id")
				.asText();

			Incident incident = await().atMost(Duration.ofSeconds(30))
				.until(() -> runtime.createIncidentQuery().list(), (incidents) -> !incidents.isEmpty())
				.get(0);
			assertThat(incident.getActivityId()).isEqualTo("Task_CollectFinancialData");
			assertThat(incident.getIncidentMessage()).contains("SERVER_ERROR");
			assertThat(status(api, id)).isEqualTo("COLLECTING_DATA");

			service.getBean(ManagementService.class).setJobRetries(incident.getConfiguration(), 1);

			await().atMost(Duration.ofSeconds(30)).until(() -> status(api, id), "APPROVED"::equals);
			assertThat(runtime.createIncidentQuery().count()).isZero();
			assertThat(service.getBean(MyDataProfiles.class).snapshots(id))
				.allSatisfy((snapshot) -> assertThat(snapshot.status()).isEqualTo(DataSnapshot.Status.RECEIVED))
				.hasSize(2);
		}
	}

	@Test
	void shouldLeaveAWorkersLastFailedAttemptAsAnIncidentThatAnOperatorRetries() {
		try (ConfigurableApplicationContext service = SeparateService.start("workerincidents",
				"--spring.profiles.active=default", "--creditflow.mydata.financial.when-unavailable=incident",
				"--creditflow.mydata.financial.collected-by=worker")) {
			String url = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
			RestClient api = RestClient.builder()
				.baseUrl(url)
				.defaultHeaders((headers) -> headers.setBasicAuth("partner", "partner"))
				.build();
			RestClient worker = RestClient.builder()
				.baseUrl(url)
				.defaultHeaders((headers) -> headers.setBasicAuth("worker", "worker"))
				.build();
			ExternalTaskService tasks = service.getBean(ExternalTaskService.class);
			String workerId = "worker@incident-test";
			String id = api.post()
				.uri("/api/applications")
				.contentType(MediaType.APPLICATION_JSON)
				.body(ApplicationBodies.body(ApplicationBodies.PRIME).toString())
				.retrieve()
				.body(JsonNode.class)
				.get("id")
				.asText();

			// both attempts of the tests' cycle (R2/PT1S) fail at the worker
			for (String expected : List.of("RETRY", "INCIDENT")) {
				String task = lock(tasks, workerId);
				JsonNode report = worker.post()
					.uri("/api/mydata-work/" + task + "/failure")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("workerId", workerId, "provider", "bank", "reason", "SERVER_ERROR", "message",
							"503 SERVICE_UNAVAILABLE"))
					.retrieve()
					.body(JsonNode.class);
				assertThat(report.get("outcome").asText()).isEqualTo(expected);
			}
			RuntimeService runtime = service.getBean(RuntimeService.class);
			Incident incident = runtime.createIncidentQuery().singleResult();
			assertThat(incident.getActivityId()).isEqualTo("Task_FetchFinancialDataByWorker");
			assertThat(incident.getIncidentMessage()).contains("SERVER_ERROR");
			assertThat(service.getBean(MyDataProfiles.class).snapshot(id, DataSource.FINANCIAL)).isEmpty();
			assertThat(status(api, id)).isEqualTo("COLLECTING_DATA");

			// Cockpit's retry of an external task's incident
			tasks.setRetries(incident.getConfiguration(), 1);
			String task = lock(tasks, workerId);
			JsonNode order = worker.post()
				.uri("/api/mydata-work/" + task + "/order")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("workerId", workerId))
				.retrieve()
				.body(JsonNode.class);
			String payload = service.getBean(MyDataClient.class)
				.fetch(DataSource.FINANCIAL, id,
						new ProfileRequest(order.get("person").get("name").asText(),
								LocalDate.parse(order.get("person").get("birthDate").asText()),
								order.get("person").get("phone").asText()))
				.payload();
			worker.post()
				.uri("/api/mydata-work/" + task + "/answer")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("workerId", workerId, "provider", "bank", "payload", payload))
				.retrieve()
				.toBodilessEntity();

			await().atMost(Duration.ofSeconds(30)).until(() -> status(api, id), "APPROVED"::equals);
			assertThat(runtime.createIncidentQuery().count()).isZero();
		}
	}

	private static String lock(ExternalTaskService tasks, String workerId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> tasks.fetchAndLock(1, workerId).topic("mydata-financial", 30_000).execute(),
					(locked) -> !locked.isEmpty())
			.get(0)
			.getId();
	}

	private static String status(RestClient api, String id) {
		return api.get().uri("/api/applications/" + id).retrieve().body(JsonNode.class).get("status").asText();
	}

}
