package org.creditflow.mydata;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.HousekeepingTimers;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MyData payloads are kept for the retention period after their application ended, then
 * removed by the {@code payload-retention} process on its timer; their SHA-256, the
 * auditors' timeline, replay and the decision chain stay whole. The tests' retention is
 * two seconds.
 */
@CreditflowIntegrationTest
class PayloadRetentionTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	MyDataProfiles profiles;

	@Autowired
	MyDataProperties properties;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	ServiceClient service;

	HousekeepingTimers timers;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
		this.timers = new HousekeepingTimers(this.management, this.history);
	}

	@Test
	void shouldPurgeADecidedApplicationsPayloadsAndKeepTheirHashesTimelineReplayAndChain() {
		String decided = this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)),
				"APPROVED");
		Map<DataSource, String> hashes = hashes(decided);
		assertThat(hashes).containsOnlyKeys(DataSource.FINANCIAL, DataSource.TELECOM);
		awaitRetentionPassedSince(closedAt(decided));

		this.timers.runNow("payload-retention");

		for (DataSnapshot snapshot : this.profiles.snapshots(decided)) {
			assertThat(snapshot.payload()).as(snapshot.source() + " payload").isNull();
			assertThat(snapshot.payloadPurgedAt()).isNotNull();
			assertThat(snapshot.payloadSha256()).isEqualTo(hashes.get(snapshot.source()));
		}
		JsonNode trail = auditor("/api/audit/applications/" + decided);
		JsonNode purge = entries(trail, "PAYLOAD_PURGED").get(0);
		assertThat(purge.get("actor").asText()).isEqualTo("retention");
		assertThat(purge.get("title").asText()).contains("purged after PT2S", "FINANCIAL", "TELECOM");
		assertThat(purge.get("details").get("payloads").findValuesAsText("sha256"))
			.containsExactlyInAnyOrderElementsOf(hashes.values());
		assertThat(purge.get("details").get("recordHash").asText()).hasSize(64);
		assertThat(entries(trail, "DATA_FETCH")).allSatisfy((fetch) -> {
			assertThat(fetch.get("details").get("payloadSha256").asText()).hasSize(64);
			assertThat(fetch.get("details").get("payloadPurgedAt").isNull()).isFalse();
		});
		JsonNode replay = this.service.as("auditor")
			.postForObject("/api/audit/applications/" + decided + "/replay", null, JsonNode.class);
		assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
		JsonNode chain = auditor("/api/audit/verify");
		assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
	}

	@Test
	void shouldKeepAnOpenApplicationsPayloadsHoweverOldUntilItEnds() {
		String open = this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE)),
				"IN_REVIEW");
		awaitRetentionPassedSince(fetchedAt(open));

		this.timers.runNow("payload-retention");

		// an officer may still ask for more information, and the assessment then reads
		// them again
		assertThat(this.profiles.snapshots(open)).allSatisfy((snapshot) -> {
			assertThat(snapshot.payload()).isNotNull();
			assertThat(snapshot.payloadPurgedAt()).isNull();
		});
		assertThat(entries(auditor("/api/audit/applications/" + open), "PAYLOAD_PURGED")).isEmpty();

		JsonNode task = this.service.awaitTask(open, "Task_ReviewApplication");
		assertThat(this.service
			.complete("officer", task.get("id").asText(),
					Map.of("reviewDecision", "APPROVE", "reviewComment", "steady income"))
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		this.service.awaitStatus(open, "APPROVED");
		awaitRetentionPassedSince(closedAt(open));
		this.timers.runNow("payload-retention");

		assertThat(this.profiles.snapshots(open)).allSatisfy((snapshot) -> assertThat(snapshot.payload()).isNull());
		assertThat(entries(auditor("/api/audit/applications/" + open), "PAYLOAD_PURGED")).hasSize(1);
	}

	private Map<DataSource, String> hashes(String applicationId) {
		return this.profiles.snapshots(applicationId)
			.stream()
			.collect(Collectors.toMap(DataSnapshot::source, DataSnapshot::payloadSha256));
	}

	private OffsetDateTime closedAt(String applicationId) {
		return this.jdbc.sql("select max(application_closed_at) from data_snapshot where application_id = :id")
			.param("id", applicationId)
			.query(OffsetDateTime.class)
			.single();
	}

	private OffsetDateTime fetchedAt(String applicationId) {
		return this.profiles.snapshots(applicationId)
			.stream()
			.map(DataSnapshot::fetchedAt)
			.max(OffsetDateTime::compareTo)
			.orElseThrow();
	}

	private void awaitRetentionPassedSince(OffsetDateTime start) {
		OffsetDateTime due = start.plus(this.properties.payloadRetention());
		await().until(() -> OffsetDateTime.now().isAfter(due));
	}

	private JsonNode auditor(String path) {
		return this.service.as("auditor").getForObject(path, JsonNode.class);
	}

	private static List<JsonNode> entries(JsonNode trail, String type) {
		List<JsonNode> entries = new java.util.ArrayList<>();
		trail.get("timeline").forEach((entry) -> {
			if (type.equals(entry.get("type").asText())) {
				entries.add(entry);
			}
		});
		return entries;
	}

}
