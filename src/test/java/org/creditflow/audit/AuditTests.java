package org.creditflow.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.OlderRuleset;
import org.creditflow.scoring.Ruleset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What auditors rely on: a timeline for each path through the process, a decision chain
 * that finds and locates tampering, replay with the exact ruleset that decided, masked
 * exports, and no access for anyone else.
 */
@CreditflowIntegrationTest
class AuditTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	AnchorFile anchors;

	@Autowired
	ChainSeal seal;

	@Autowired
	ScheduledAnnotationBeanPostProcessor schedules;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldShowTheTimelineOfAnApplicationApprovedByTheRules() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(trail.get("applicant").asText()).startsWith("김*지, born 1990").doesNotContain("김민지");
		assertThat(types(trail)).contains("STEP", "DATA_FETCH", "ASSESSMENT", "FINAL_DECISION");
		assertThat(titles(trail)).contains("Collect financial data", "Collect telecom data", "Assess credit",
				"Final decision: APPROVED");
		JsonNode assessment = entry(trail, "ASSESSMENT");
		assertThat(assessment.get("rulesetVersion").asText()).hasSize(64);
		assertThat(assessment.get("details").get("snapshots").get("FINANCIAL").get("sha256").asText()).hasSize(64);
		JsonNode fetch = entry(trail, "DATA_FETCH");
		assertThat(fetch.get("details").get("consentScope").asText()).isNotBlank();
		assertThat(trail.get("activitiesPassed").toString()).contains("Task_AssessCredit", "EndEvent_Approved");
		assertThat(ordered(trail)).isTrue();
	}

	@Test
	void shouldShowTheTimelineOfAnApplicationDeclinedByTheRules() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME, LocalDate.now().minusYears(18)),
				"DECLINED");

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(titles(trail)).contains("Final decision: DECLINED");
		assertThat(entry(trail, "FINAL_DECISION").get("details").get("reasons").toString())
			.contains("AGE_BELOW_MINIMUM");
	}

	@Test
	void shouldShowTheOfficersDecisionWithWhoAndWhy() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.AVERAGE), "IN_REVIEW");
		String task = awaitTask(id);
		assertThat(this.service.as("officer")
			.postForEntity("/engine-rest/task/" + task + "/claim", ServiceClient.json("{\"userId\": \"officer\"}"),
					String.class)
			.getStatusCode()
			.value()).isEqualTo(204);
		complete("officer", task, Map.of("reviewDecision", "APPROVE", "reviewComment", "income checked by phone"));
		this.service.awaitStatus(id, "APPROVED");

		JsonNode trail = auditor("/api/audit/applications/" + id);

		JsonNode review = entry(trail, "REVIEW");
		assertThat(review.get("actor").asText()).isEqualTo("officer");
		assertThat(review.get("details").get("comment").asText()).isEqualTo("income checked by phone");
		assertThat(review.get("details").get("groups").toString()).contains("loan-officers");
		assertThat(entry(trail, "FINAL_DECISION").get("actor").asText()).isEqualTo("officer");
		assertThat(titles(trail)).contains("Review application", "Task claim: officer");
		assertThat(entry(trail, "TASK_OPERATION").get("actor").asText()).isEqualTo("officer");
		assertThat(step(trail, "Task_ReviewApplication").get("actor").asText()).isEqualTo("officer");
		// search finds it by officer and by ruleset version
		String version = entry(trail, "ASSESSMENT").get("rulesetVersion").asText();
		assertThat(auditor("/api/audit/applications?officer=officer&status=APPROVED").toString()).contains(id);
		assertThat(
				auditor("/api/audit/applications?rulesetVersion=" + version + "&from=" + LocalDate.now().minusDays(1))
					.toString())
			.contains(id);
		assertThat(auditor("/api/audit/applications?officer=nobody").toString()).doesNotContain(id);
	}

	@Test
	void shouldShowBothPairsOfEyesOfAFourEyesApproval() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.AVERAGE), "IN_REVIEW");
		complete("senior", awaitTask(id),
				Map.of("reviewDecision", "APPROVE", "approvedRate", 5.0, "reviewComment", "long-standing customer"));
		String secondApproval = this.service.awaitTask(id, "Task_SecondApproval").get("id").asText();
		complete("senior2", secondApproval,
				Map.of("secondApprovalDecision", "APPROVE", "secondApprovalComment", "agreed"));
		this.service.awaitStatus(id, "APPROVED");

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(entry(trail, "REVIEW").get("actor").asText()).isEqualTo("senior");
		assertThat(entry(trail, "REVIEW").get("details").get("secondApprovalRequired").asBoolean()).isTrue();
		assertThat(entry(trail, "SECOND_APPROVAL").get("actor").asText()).isEqualTo("senior2");
		// completed without claiming: who did it comes from Camunda's user operation log
		assertThat(step(trail, "Task_ReviewApplication").get("details").get("completedBy").asText())
			.isEqualTo("senior");
		assertThat(step(trail, "Task_SecondApproval").get("actor").asText()).isEqualTo("senior2");
		assertThat(entry(trail, "SECOND_APPROVAL").get("details").get("comment").asText()).isEqualTo("agreed");
		assertThat(entry(trail, "FINAL_DECISION").get("details").get("secondApprover").asText()).isEqualTo("senior2");
		assertThat(trail.get("activitiesPassed").toString()).contains("Task_SecondApproval");
	}

	@Test
	void shouldShowAMissingSourceAndTheDecisionMadeWithoutIt() {
		String id = submitAndAwait(ApplicationBodies.withProviderFault("0001", ApplicationBodies.PRIME), "APPROVED");

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(titles(trail)).contains("TELECOM data missing", "FINANCIAL data received");
		assertThat(entry(trail, "ASSESSMENT").get("details").get("reasons").toString())
			.contains("TELECOM_DATA_UNAVAILABLE");
	}

	@Test
	void shouldShowAnEscalationAndAnExpiryAfterAskingForMoreInformation() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.AVERAGE), "IN_REVIEW");
		String task = awaitTask(id);
		this.management.executeJob(timer(id, "Event_ReviewSlaPassed"));
		complete("senior", task, Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequested", "pay slips",
				"reviewComment", "income unclear"));
		this.management.executeJob(timer(id, "Event_InformationTimeout"));

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(status(id)).isEqualTo("EXPIRED");
		assertThat(trail.get("activitiesPassed").toString()).contains("Event_ReviewSlaPassed", "EndEvent_Expired");
		assertThat(entry(trail, "REVIEW").get("details").get("informationRequested").asText()).isEqualTo("pay slips");
		JsonNode end = entry(trail, "FINAL_DECISION");
		assertThat(end.get("details").get("decider").asText()).isEqualTo("DEADLINE");
		assertThat(end.get("details").get("reason").asText()).contains("pay slips");
	}

	@Test
	void shouldShowAWithdrawal() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.AVERAGE), "IN_REVIEW");
		this.http.withBasicAuth("partner", "partner")
			.postForEntity("/api/applications/" + id + "/withdraw", null, JsonNode.class);

		JsonNode trail = auditor("/api/audit/applications/" + id);

		assertThat(status(id)).isEqualTo("WITHDRAWN");
		JsonNode end = entry(trail, "FINAL_DECISION");
		assertThat(end.get("details").get("decider").asText()).isEqualTo("APPLICANT");
		assertThat(trail.get("activitiesPassed").toString()).contains("StartEvent_Withdrawn");
	}

	@Test
	void shouldDetectAndLocateAChangedAndADeletedDecisionRecord() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");
		JsonNode before = auditor("/api/audit/verify");
		assertThat(before.get("valid").asBoolean()).as(before.toString()).isTrue();
		long seq = entry(auditor("/api/audit/applications/" + id), "ASSESSMENT").get("details")
			.get("recordSeq")
			.asLong();
		String payload = this.jdbc.sql("select payload from decision_record where seq = :seq")
			.param("seq", seq)
			.query(String.class)
			.single();

		this.jdbc.sql("update decision_record set payload = :payload where seq = :seq")
			.param("payload", payload.replace("\"band\":\"APPROVE\"", "\"band\":\"DECLINE\""))
			.param("seq", seq)
			.update();
		JsonNode changed = auditor("/api/audit/verify");
		this.jdbc.sql("update decision_record set payload = :payload where seq = :seq")
			.param("payload", payload)
			.param("seq", seq)
			.update();

		assertThat(changed.get("valid").asBoolean()).isFalse();
		assertThat(changed.get("firstBrokenRecord").get("seq").asLong()).isEqualTo(seq);
		assertThat(changed.get("firstBrokenRecord").get("applicationId").asText()).isEqualTo(id);
		assertThat(changed.get("firstBrokenRecord").get("problem").asText()).contains("was changed");
		assertThat(changed.get("checked").asLong()).isEqualTo(seq);

		List<java.util.Map<String, Object>> row = this.jdbc.sql("select * from decision_record where seq = :seq")
			.param("seq", seq)
			.query()
			.listOfRows();
		this.jdbc.sql("delete from decision_record where seq = :seq").param("seq", seq).update();
		JsonNode deleted = auditor("/api/audit/verify");
		this.jdbc.sql("""
				insert into decision_record (seq, application_id, kind, actor, ruleset_version, payload, recorded_at,
				    previous_hash, hash)
				values (:seq, :application_id, :kind, :actor, :ruleset_version, :payload, :recorded_at,
				    :previous_hash, :hash)""").params(lowerCaseKeys(row.get(0))).update();

		assertThat(deleted.get("valid").asBoolean()).isFalse();
		assertThat(deleted.get("firstBrokenRecord").get("seq").asLong()).isEqualTo(seq);
		assertThat(deleted.get("firstBrokenRecord").get("problem").asText()).contains("is missing");
		assertThat(auditor("/api/audit/verify").get("valid").asBoolean()).isTrue();
	}

	@Test
	void shouldCatchAChainRewrittenFromScratchWithAnAnchorKeptOutside() {
		submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");
		JsonNode last = auditor("/api/audit/verify").get("lastRecord");
		String anchor = last.get("seq").asLong() + ":" + last.get("hash").asText();
		String forged = last.get("seq").asLong() + ":" + "0".repeat(64);

		assertThat(auditor("/api/audit/verify?anchor=" + anchor).get("valid").asBoolean()).isTrue();
		JsonNode rewritten = auditor("/api/audit/verify?anchor=" + forged);
		assertThat(rewritten.get("valid").asBoolean()).isFalse();
		assertThat(rewritten.get("firstBrokenRecord").get("problem").asText()).contains("the chain was rewritten");
		JsonNode beyond = auditor(
				"/api/audit/verify?anchor=" + (last.get("seq").asLong() + 1_000_000) + ":" + last.get("hash").asText());
		assertThat(beyond.get("firstBrokenRecord").get("problem").asText()).contains("beyond the chain's end");
		assertThat(this.service.as("auditor")
			.getForEntity("/api/audit/verify?anchor=17-abc", String.class)
			.getStatusCode()
			.value()).isEqualTo(400);
	}

	@Test
	void shouldAnchorTheChainOutsideTheDatabaseOnAScheduleAndCatchARewriteEvenWithTheKey() throws Exception {
		assertThat(this.schedules.getScheduledTasks()).anySatisfy(
				(scheduled) -> assertThat(scheduled.toString()).contains(AnchorFile.class.getName() + ".anchor"));
		submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");
		long linesBefore = anchorLines();

		this.anchors.anchor();
		this.anchors.anchor();

		assertThat(anchorLines()).as("one line per move of the chain, none when it stood still")
			.isEqualTo(linesBefore + 1);
		JsonNode check = auditor("/api/audit/verify");
		assertThat(check.get("valid").asBoolean()).isTrue();
		assertThat(check.get("anchorsChecked").asInt()).isEqualTo((int) linesBefore + 1);

		// someone holding the key re-seals the anchored record after changing it
		DecisionRecord last = lastRecord();
		DecisionRecord forged = new DecisionRecord(last.seq(), last.applicationId(), last.kind(), last.actor(),
				last.rulesetVersion(), last.payload().replace("APPROVED", "DECLINED"), last.recordedAt(),
				last.previousHash(), "");
		forged = forged.withHash(this.seal.seal(forged));
		reseal(forged);
		JsonNode rewritten = auditor("/api/audit/verify");
		reseal(last);

		assertThat(rewritten.get("valid").asBoolean()).isFalse();
		assertThat(rewritten.get("firstBrokenRecord").get("problem").asText())
			.contains("differs from the anchor kept outside the database");
		assertThat(auditor("/api/audit/verify").get("valid").asBoolean()).isTrue();
	}

	private long anchorLines() throws java.io.IOException {
		java.nio.file.Path file = this.anchors.location();
		return java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file).size() : 0;
	}

	private DecisionRecord lastRecord() {
		return this.jdbc.sql("select * from decision_record order by seq desc limit 1")
			.query((rs, row) -> DecisionRecords.map(rs))
			.single();
	}

	private void reseal(DecisionRecord record) {
		this.jdbc.sql("update decision_record set payload = :payload, hash = :hash where seq = :seq")
			.param("payload", record.payload())
			.param("hash", record.hash())
			.param("seq", record.seq())
			.update();
		this.jdbc.sql("update decision_chain_head set hash = :hash where id = 1 and seq = :seq")
			.param("hash", record.hash())
			.param("seq", record.seq())
			.update();
	}

	@Test
	void shouldReplayADecisionIdenticallyWithTheRulesetThatMadeItAfterTheRulesChanged() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");
		Ruleset original = OlderRuleset.replaceWithStricterCutOff(this.context);
		try {
			JsonNode replay = this.http.withBasicAuth("auditor", "auditor")
				.postForObject("/api/audit/applications/" + id + "/replay", null, JsonNode.class);

			assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
			JsonNode assessment = replay.get("assessments").get(0);
			assertThat(assessment.get("rulesetInService").asBoolean()).isFalse();
			assertThat(assessment.get("rulesetVersion").asText()).isEqualTo(original.version());
			assertThat(assessment.get("replayed").get("band").asText()).isEqualTo("APPROVE");
			assertThat(assessment.get("differences")).isEmpty();
		}
		finally {
			OlderRuleset.restore(this.context, original);
		}
	}

	@Test
	void shouldExportTheTrailAndThePeriodsDecisionsWithIdentifiersMasked() {
		String id = submitAndAwait(ApplicationBodies.body(ApplicationBodies.PRIME), "APPROVED");

		String json = this.http.withBasicAuth("auditor", "auditor")
			.getForObject("/api/audit/applications/" + id + "/export?format=json", String.class);
		ResponseEntity<String> csv = this.http.withBasicAuth("auditor", "auditor")
			.getForEntity("/api/audit/applications/" + id + "/export?format=csv", String.class);
		String period = this.http.withBasicAuth("auditor", "auditor")
			.getForObject("/api/audit/decisions.csv?from=" + LocalDate.now().minusDays(1) + "&to="
					+ LocalDate.now().plusDays(1), String.class);

		assertThat(json).contains("김*지").doesNotContain("김민지").doesNotContain("minji@example.com");
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).startsWith("\"application_id\",\"applicant\"").contains("김*지").doesNotContain("김민지");
		assertThat(period).startsWith("\"application_id\",\"outcome\"").contains(id).doesNotContain("김민지");
	}

	@Test
	void shouldLetOnlyAuditorsAndAdminsReadAndRecordEveryRead() {
		long readsBefore = reads();

		for (String user : List.of("officer", "partner", "analyst", "senior")) {
			assertThat(this.http.withBasicAuth(user, user)
				.getForEntity("/api/audit/verify", String.class)
				.getStatusCode()
				.value()).as(user).isEqualTo(403);
		}
		assertThat(this.http.withBasicAuth("admin", "admin")
			.getForEntity("/api/audit/verify", String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		auditor("/api/audit/applications?status=APPROVED");

		// four refused attempts and two reads, each recorded with who asked
		assertThat(reads() - readsBefore).isEqualTo(6);
		assertThat(this.jdbc.sql("select count(*) from audit_read where read_by = 'auditor' and request like :r")
			.param("r", "GET /api/audit/applications?status=APPROVED%")
			.query(Long.class)
			.single()).isPositive();
		// auditors change nothing: no application, no task
		assertThat(this.http.withBasicAuth("auditor", "auditor")
			.postForEntity("/api/applications",
					ServiceClient.json(ApplicationBodies.body(ApplicationBodies.PRIME).toString()), String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	private String timer(String applicationId, String activityId) {
		String process = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(applicationId)
			.singleResult()
			.getId();
		return this.management.createJobQuery()
			.processInstanceId(process)
			.activityId(activityId)
			.timers()
			.singleResult()
			.getId();
	}

	private long reads() {
		return this.jdbc.sql("select count(*) from audit_read").query(Long.class).single();
	}

	private String submitAndAwait(ObjectNode body, String status) {
		return this.service.awaitStatus(this.service.submit(body), status);
	}

	private String status(String id) {
		return this.service.status(id);
	}

	private String awaitTask(String id) {
		return this.service.awaitTask(id, "Task_ReviewApplication").get("id").asText();
	}

	private void complete(String user, String taskId, Map<String, Object> values) {
		ResponseEntity<JsonNode> response = this.service.complete(user, taskId, values);
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(204);
	}

	private JsonNode auditor(String path) {
		ResponseEntity<JsonNode> response = this.http.withBasicAuth("auditor", "auditor")
			.getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
		return response.getBody();
	}

	private static List<String> types(JsonNode trail) {
		List<String> types = new ArrayList<>();
		trail.get("timeline").forEach((entry) -> types.add(entry.get("type").asText()));
		return types;
	}

	private static List<String> titles(JsonNode trail) {
		List<String> titles = new ArrayList<>();
		trail.get("timeline").forEach((entry) -> titles.add(entry.get("title").asText()));
		return titles;
	}

	private static JsonNode entry(JsonNode trail, String type) {
		for (JsonNode entry : trail.get("timeline")) {
			if (entry.get("type").asText().equals(type)) {
				return entry;
			}
		}
		throw new AssertionError("no " + type + " in " + trail);
	}

	private static JsonNode step(JsonNode trail, String activityId) {
		for (JsonNode entry : trail.get("timeline")) {
			if (entry.get("type").asText().equals("STEP")
					&& entry.get("details").get("activityId").asText().equals(activityId)) {
				return entry;
			}
		}
		throw new AssertionError("no step " + activityId + " in " + trail);
	}

	private static boolean ordered(JsonNode trail) {
		String previous = "";
		for (JsonNode entry : trail.get("timeline")) {
			java.time.Instant at = java.time.OffsetDateTime.parse(entry.get("at").asText()).toInstant();
			if (!previous.isEmpty() && at.isBefore(java.time.Instant.parse(previous))) {
				return false;
			}
			previous = at.toString();
		}
		return true;
	}

	private static java.util.Map<String, Object> lowerCaseKeys(java.util.Map<String, Object> row) {
		java.util.Map<String, Object> lower = new java.util.HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(), value));
		return lower;
	}

}
