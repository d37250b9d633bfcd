package org.creditflow.mydata;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
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

	private static String status(RestClient api, String id) {
		return api.get().uri("/api/applications/" + id).retrieve().body(JsonNode.class).get("status").asText();
	}

}
