package org.creditflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the audit trail: someone with write access to the database changes a
 * decision and reseals its record without the chain's key, or changes the decision tables
 * behind the chain's back; and probes of the audit API with ids and anchors that do not
 * exist. The chain check names each change; the API answers 4xx, never 500.
 */
@CreditflowIntegrationTest
class AuditApiAttackTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownApplicationOnEveryAuditRoute() {
		String unknown = "00000000-0000-0000-0000-000000000000";
		List<ResponseEntity<String>> answers = List.of(auditor(HttpMethod.GET, "/api/audit/applications/" + unknown),
				auditor(HttpMethod.POST, "/api/audit/applications/" + unknown + "/replay"),
				auditor(HttpMethod.GET, "/api/audit/applications/" + unknown + "/export?format=json"),
				auditor(HttpMethod.GET, "/api/audit/applications/" + unknown + "/export?format=csv"),
				auditor(HttpMethod.GET, "/api/audit/applications/x' or '1'='1"));

		assertThat(answers).allSatisfy((answer) -> assertThat(answer.getStatusCode().value()).isEqualTo(404));
		assertThat(auditor(HttpMethod.GET, "/api/audit/verify?anchor=abc:" + "0".repeat(64)).getStatusCode().value())
			.isEqualTo(400);
		assertThat(auditor(HttpMethod.GET, "/api/audit/verify?anchor=99999999999999999999:" + "0".repeat(64))
			.getStatusCode()
			.value()).isEqualTo(400);
	}

	@Test
	void shouldCatchARecordResealedWithoutTheKey() throws Exception {
		String id = this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)),
				"APPROVED");
		Map<String, Object> last = this.jdbc.sql("select * from decision_record order by seq desc limit 1")
			.query()
			.singleRow();
		long seq = ((Number) column(last, "seq")).longValue();
		String payload = (String) column(last, "payload");
		String hash = (String) column(last, "hash");
		assertThat(column(last, "application_id")).isEqualTo(id);
		String forgedPayload = payload.replaceFirst("\"creditLimit\":\\d+", "\"creditLimit\":99000000");
		// what a database writer without the key can compute: the SHA-256 the chain used
		// before it was keyed
		String forgedHash = sha256(String.join("|", Long.toString(seq), id, (String) column(last, "kind"),
				(String) column(last, "actor"), Objects.toString(column(last, "ruleset_version"), ""), forgedPayload,
				Long.toString(((java.time.OffsetDateTime) this.jdbc
					.sql("select recorded_at from decision_record where seq = :seq")
					.param("seq", seq)
					.query(java.time.OffsetDateTime.class)
					.single()).toInstant().toEpochMilli()),
				(String) column(last, "previous_hash")));

		reseal(seq, forgedPayload, forgedHash);
		JsonNode check = this.service.as("auditor").getForObject("/api/audit/verify", JsonNode.class);
		reseal(seq, payload, hash);

		assertThat(check.get("valid").asBoolean()).isFalse();
		assertThat(check.get("firstBrokenRecord").get("seq").asLong()).isEqualTo(seq);
		assertThat(check.get("firstBrokenRecord").get("problem").asText()).contains("sealed without the chain key");
		Referral.assertChainIntact(this.service);
	}

	@Test
	void shouldCatchAChangedDecisionTableBehindTheChainsBack() {
		String id = this.service.awaitStatus(this.service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)),
				"APPROVED");
		Map<String, Object> terms = this.jdbc
			.sql("select credit_limit, annual_rate from loan_decision where application_id = :id")
			.param("id", id)
			.query()
			.singleRow();

		this.jdbc.sql("update loan_decision set credit_limit = 99000000, annual_rate = 0.1 where application_id = :id")
			.param("id", id)
			.update();
		JsonNode check = this.service.as("auditor").getForObject("/api/audit/verify", JsonNode.class);
		this.jdbc.sql("update loan_decision set credit_limit = :limit, annual_rate = :rate where application_id = :id")
			.param("limit", column(terms, "credit_limit"))
			.param("rate", column(terms, "annual_rate"))
			.param("id", id)
			.update();

		assertThat(check.get("valid").asBoolean()).isFalse();
		assertThat(check.has("firstBrokenRecord")).as("the chain itself is intact").isFalse();
		assertThat(check.get("mismatches")).extracting((mismatch) -> mismatch.get("problem").asText())
			.anySatisfy((problem) -> assertThat(problem).contains("loan_decision.credit_limit is 99000000"))
			.anySatisfy((problem) -> assertThat(problem).contains("loan_decision.annual_rate"));
		assertThat(check.get("mismatches").get(0).get("applicationId").asText()).isEqualTo(id);
		Referral.assertChainIntact(this.service);
	}

	@Test
	void shouldCatchAnOfficersDecisionChangedBehindTheChainsBack() {
		Referral referral = Referral.submit(this.service);
		this.service.complete("officer", referral.taskId(),
				Map.of("reviewDecision", "APPROVE", "reviewComment", "as offered"));
		referral.awaitDecision();

		this.jdbc.sql("update review_decision set approved_rate = approved_rate - 5 where task_id = :task")
			.param("task", referral.taskId())
			.update();
		JsonNode check = this.service.as("auditor").getForObject("/api/audit/verify", JsonNode.class);
		this.jdbc.sql("update review_decision set approved_rate = approved_rate + 5 where task_id = :task")
			.param("task", referral.taskId())
			.update();

		assertThat(check.get("valid").asBoolean()).isFalse();
		assertThat(check.get("mismatches")).extracting((mismatch) -> mismatch.get("problem").asText())
			.anySatisfy((problem) -> assertThat(problem).contains("review_decision.approved_rate"));
		Referral.assertChainIntact(this.service);
	}

	private void reseal(long seq, String payload, String hash) {
		this.jdbc.sql("update decision_record set payload = :payload, hash = :hash where seq = :seq")
			.param("payload", payload)
			.param("hash", hash)
			.param("seq", seq)
			.update();
		this.jdbc.sql("update decision_chain_head set hash = :hash where id = 1 and seq = :seq")
			.param("hash", hash)
			.param("seq", seq)
			.update();
	}

	private ResponseEntity<String> auditor(HttpMethod method, String path) {
		return this.service.as("auditor").exchange(path, method, null, String.class);
	}

	private static Object column(Map<String, Object> row, String name) {
		return row.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String sha256(String content) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
	}

}
