package org.creditflow.mydata;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MyData collection inside the process, over real HTTP to the simulator the service runs
 * on loopback, with providers that fail in every way the simulator can be asked to.
 */
@CreditflowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MyDataCollectionTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MyDataProfiles profiles;

	@Autowired
	HistoryService history;

	@Autowired
	MyDataSimulatorServer simulator;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { ApplicationBodies.PRIME, ApplicationBodies.THIN_FILE_GOOD_TELECOM,
			ApplicationBodies.THIN_FILE_BAD_TELECOM, ApplicationBodies.OVER_INDEBTED, ApplicationBodies.DELINQUENT,
			ApplicationBodies.AVERAGE })
	void shouldFetchEveryPersonaOverHttpAndStoreEachAnswerOnce(String persona) {
		String id = submit(ApplicationBodies.body(persona));
		awaitStatus(id, "APPROVED", "OFFERED", "DECLINED", "IN_REVIEW");

		List<DataSnapshot> snapshots = this.profiles.snapshots(id);
		assertThat(snapshots).extracting(DataSnapshot::source)
			.containsExactlyInAnyOrder(DataSource.FINANCIAL, DataSource.TELECOM);
		for (DataSnapshot snapshot : snapshots) {
			assertThat(snapshot.status()).isEqualTo(DataSnapshot.Status.RECEIVED);
			assertThat(snapshot.provider()).isEqualTo(MyDataSimulator.NAME);
			assertThat(snapshot.payloadSha256()).isEqualTo(DataCollector.sha256(snapshot.payload()));
			assertThat(snapshot.consentScope()).isEqualTo("mydata:" + snapshot.source().name().toLowerCase());
			assertThat(snapshot.consentChannel()).isEqualTo("partner");
			assertThat(snapshot.consentGrantedAt()).isNotNull();
		}
		FinancialProfile financial = this.profiles.financial(id).orElseThrow();
		TelecomProfile telecom = this.profiles.telecom(id).orElseThrow();
		switch (persona) {
			case ApplicationBodies.THIN_FILE_GOOD_TELECOM -> {
				assertThat(financial.thinFile()).isTrue();
				assertThat(telecom.onTimePaymentPercent()).isGreaterThanOrEqualTo(95);
			}
			case ApplicationBodies.THIN_FILE_BAD_TELECOM -> assertThat(telecom.unpaidAmount()).isPositive();
			case ApplicationBodies.DELINQUENT -> assertThat(financial.activeDelinquency()).isTrue();
			case ApplicationBodies.OVER_INDEBTED ->
				assertThat(financial.monthlyRepayments() * 100 / financial.monthlyIncomeSeen()).isGreaterThan(40);
			default -> assertThat(financial.thinFile()).isFalse();
		}
	}

	@Test
	void shouldAssessOnBankDataAloneAndSayWhenTelecomStaysDown() {
		String id = submit(ApplicationBodies.withProviderFault("0001", ApplicationBodies.PRIME));

		JsonNode decided = awaitStatus(id, "APPROVED");

		assertThat(this.profiles.snapshot(id, DataSource.TELECOM).orElseThrow()).satisfies((snapshot) -> {
			assertThat(snapshot.status()).isEqualTo(DataSnapshot.Status.MISSING);
			assertThat(snapshot.failure()).contains("SERVER_ERROR");
			assertThat(snapshot.payload()).isNull();
		});
		assertThat(decided.get("decision").get("reasons").findValuesAsText("code"))
			.contains("TELECOM_DATA_UNAVAILABLE");
		assertThat(passed(id)).contains("Event_TelecomDataUnavailable")
			.doesNotContain("Event_FinancialDataUnavailable");
	}

	@Test
	void shouldReferToAnOfficerWhenFinancialDataStaysDown() {
		String id = submit(ApplicationBodies.withProviderFault("0000", ApplicationBodies.PRIME));

		awaitStatus(id, "IN_REVIEW");

		assertThat(this.profiles.snapshot(id, DataSource.FINANCIAL).orElseThrow().status())
			.isEqualTo(DataSnapshot.Status.MISSING);
		assertThat(this.profiles.financial(id)).isEmpty();
		assertThat(passed(id)).contains("Event_FinancialDataUnavailable", "Task_ReviewApplication");
	}

	@Test
	void shouldRecordATelecomProviderThatAnswersTooSlowlyAsMissing(CapturedOutput output) {
		ObjectNode body = ApplicationBodies.withProviderFault("0002", ApplicationBodies.PRIME);
		String id = submit(body);

		awaitStatus(id, "APPROVED");

		assertThat(this.profiles.snapshot(id, DataSource.TELECOM).orElseThrow().failure()).contains("TIMEOUT");
		assertThat(output).doesNotContain(body.get("applicant").get("phone").asText());
	}

	@Test
	void shouldRecordMalformedAnswersAsMissingWithoutLoggingWhoTheApplicantIs(CapturedOutput output) {
		ObjectNode body = ApplicationBodies.withProviderFault("0003", ApplicationBodies.PRIME);
		String id = submit(body);

		awaitStatus(id, "APPROVED");

		assertThat(this.profiles.snapshot(id, DataSource.TELECOM).orElseThrow().failure()).contains("MALFORMED");
		assertThat(output).contains("TELECOM provider failed")
			.doesNotContain(body.get("applicant").get("phone").asText())
			.doesNotContain("김민지");
	}

	@Test
	void shouldRetryAProviderThatWasDownAndStoreOneSnapshotWhenItIsBack() {
		String id = submit(ApplicationBodies.withProviderFault("0004", ApplicationBodies.PRIME));

		JsonNode decided = awaitStatus(id, "APPROVED");

		assertThat(this.profiles.snapshots(id)).hasSize(2)
			.allSatisfy((snapshot) -> assertThat(snapshot.status()).isEqualTo(DataSnapshot.Status.RECEIVED));
		assertThat(decided.get("decision").get("reasons").findValuesAsText("code"))
			.doesNotContain("TELECOM_DATA_UNAVAILABLE");
		assertThat(passed(id)).doesNotContain("Event_TelecomDataUnavailable");
	}

	@Test
	void shouldNotFetchASourceWithoutConsent() {
		ObjectNode body = ApplicationBodies.body(ApplicationBodies.PRIME);
		((ObjectNode) body.get("consent")).put("telecomData", false);
		String id = submit(body);

		awaitStatus(id, "APPROVED");

		assertThat(this.profiles.snapshots(id)).extracting(DataSnapshot::source).containsExactly(DataSource.FINANCIAL);
	}

	@Test
	void shouldShowProviderHealthAndFetchMetrics() {
		awaitStatus(submit(ApplicationBodies.body(ApplicationBodies.PRIME)), "APPROVED");

		JsonNode health = this.http.withBasicAuth("admin", "admin").getForObject("/actuator/health", JsonNode.class);
		JsonNode fetches = this.http.withBasicAuth("admin", "admin")
			.getForObject("/actuator/metrics/creditflow.mydata.fetch", JsonNode.class);

		assertThat(health.get("components").get("mydata").get("details").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("financial", "telecom");
		assertThat(fetches.get("availableTags").findValuesAsText("tag")).contains("source", "outcome");
	}

	@Test
	void shouldServeTheSimulatorOnLoopbackOnlyAndNotOnThePublicPort() {
		JsonNode person = ApplicationBodies.body(ApplicationBodies.PRIME).get("applicant");
		// the token the simulator accepted on this port before it moved to loopback
		HttpHeaders withTheOldFixedToken = new HttpHeaders();
		withTheOldFixedToken.setContentType(MediaType.APPLICATION_JSON);
		withTheOldFixedToken.setBearerAuth("simulator-token");
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);

		ResponseEntity<String> anonymous = this.http.exchange("/mydata-simulator/financial-profile", HttpMethod.POST,
				new HttpEntity<>(person.toString(), withTheOldFixedToken), String.class);
		ResponseEntity<String> signedIn = this.http.withBasicAuth("partner", "partner")
			.exchange("/mydata-simulator/financial-profile", HttpMethod.POST, new HttpEntity<>(person.toString(), json),
					String.class);

		assertThat(this.simulator.address().getAddress().isLoopbackAddress()).isTrue();
		assertThat(this.simulator.address().getPort()).isNotEqualTo(this.port);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(anonymous.getBody()) + signedIn.getBody()).doesNotContain("monthlyIncomeSeen");
	}

	private String submit(ObjectNode body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth("partner", "partner")
			.postForObject("/api/applications", new HttpEntity<>(body.toString(), headers), JsonNode.class)
			.get("id")
			.asText();
	}

	private JsonNode awaitStatus(String id, String... statuses) {
		return await().atMost(Duration.ofSeconds(40))
			.until(() -> this.http.withBasicAuth("partner", "partner")
				.getForObject("/api/applications/" + id, JsonNode.class),
					(view) -> List.of(statuses).contains(view.get("status").asText()));
	}

	private List<String> passed(String applicationId) {
		String processId = this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(applicationId)
			.singleResult()
			.getId();
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(processId)
			.list()
			.stream()
			.map((activity) -> activity.getActivityId())
			.toList();
	}

}
