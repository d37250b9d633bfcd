package org.creditflow.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rulesets' side of the audit trail, from the sealed chain: every release step and
 * every change of the rulesets in service (who, when, why, which versions), and, per
 * version, the applications it decided.
 */
@Component
class RulesetHistory {

	/** How many records of the rulesets' history one answer holds at most. */
	static final int LIMIT = 1000;

	/** One sealed record of a release or activation. */
	record Event(long seq, OffsetDateTime at, String kind, String actor, String version, JsonNode details) {
	}

	/**
	 * @param assessments the assessments it made, as champion and as challenger
	 * @param applications where to find them: the audit search on this version
	 */
	record Version(String version, List<Event> history, Map<String, Long> assessments, String applications) {
	}

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	RulesetHistory(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Every ruleset record, newest first. */
	@Transactional(readOnly = true)
	List<Event> all() {
		return events(null);
	}

	@Transactional(readOnly = true)
	Version of(String version) {
		Map<String, Long> assessments = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select ruleset_role, count(*) from credit_assessment where ruleset_version = :version
				group by ruleset_role order by ruleset_role""").param("version", version).query((rs) -> {
			assessments.put(rs.getString(1), rs.getLong(2));
		});
		return new Version(version, events(version), assessments, "/api/audit/applications?rulesetVersion=" + version);
	}

	private List<Event> events(@Nullable String version) {
		return this.jdbc.sql("""
				select * from decision_record where application_id is null and ruleset_version is not null
				    and (cast(:version as varchar(64)) is null or ruleset_version = :version)
				order by seq desc limit :limit""")
			.param("version", version, java.sql.Types.VARCHAR)
			.param("limit", LIMIT)
			.query((rs, row) -> DecisionRecords.map(rs))
			.list()
			.stream()
			.map((record) -> new Event(record.seq(), record.recordedAt(), record.kind(), record.actor(),
					record.rulesetVersion(), read(record.payload())))
			.toList();
	}

	private JsonNode read(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A decision record cannot be read", ex);
		}
	}

}
