package org.creditflow.scoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code credit_assessment} and {@code ruleset_version} tables: append-only.
 */
@Repository
class AssessmentRepository {

	private final JdbcClient jdbc;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Assessment assessment, String facts, String result) {
		this.jdbc.sql("""
				insert into credit_assessment (id, application_id, round, ruleset_version, ruleset_role, band, score,
				    grade, facts, result, assessed_at)
				values (:id, :applicationId, :round, :rulesetVersion, :rulesetRole, :band, :score, :grade, :facts,
				    :result, :assessedAt)""")
			.param("id", assessment.id())
			.param("applicationId", assessment.applicationId())
			.param("round", assessment.round())
			.param("rulesetVersion", assessment.rulesetVersion())
			.param("rulesetRole", assessment.rulesetRole().name())
			.param("band", assessment.band())
			.param("score", assessment.score(), java.sql.Types.INTEGER)
			.param("grade", assessment.grade(), java.sql.Types.VARCHAR)
			.param("facts", facts)
			.param("result", result)
			.param("assessedAt", assessment.assessedAt())
			.update();
	}

	/** The {@code result} column of the application's latest assessment. */
	Optional<String> findLatestResult(String applicationId) {
		return this.jdbc
			.sql("select result from credit_assessment where application_id = :id order by round desc limit 1")
			.param("id", applicationId)
			.query(String.class)
			.optional();
	}

	/** One recorded assessment: its facts and result as stored. */
	record Recorded(String facts, String result) {
	}

	List<Recorded> findAll(String applicationId) {
		return this.jdbc.sql("select facts, result from credit_assessment where application_id = :id order by round")
			.param("id", applicationId)
			.query((rs, row) -> new Recorded(rs.getString("facts"), rs.getString("result")))
			.list();
	}

	Optional<String> findRulesetFiles(String version) {
		return this.jdbc.sql("select files from ruleset_version where version = :version")
			.param("version", version)
			.query(String.class)
			.optional();
	}

	/** The {@code facts} column of the application's latest assessment. */
	Optional<String> findLatestFacts(String applicationId) {
		return this.jdbc
			.sql("select facts from credit_assessment where application_id = :id order by round desc limit 1")
			.param("id", applicationId)
			.query(String.class)
			.optional();
	}

	/** 0 before the first assessment. */
	int lastRound(String applicationId) {
		return this.jdbc.sql("select coalesce(max(round), 0) from credit_assessment where application_id = :id")
			.param("id", applicationId)
			.query(Integer.class)
			.single();
	}

	boolean hasRulesetVersion(String version) {
		return this.jdbc.sql("select count(*) from ruleset_version where version = :version")
			.param("version", version)
			.query(Integer.class)
			.single() > 0;
	}

	/** Stores a version's files; {@code first_used_at} is when it was first stored. */
	void insertRulesetVersion(String version, String files, OffsetDateTime firstUsedAt) {
		this.jdbc.sql("insert into ruleset_version (version, files, first_used_at) values (:version, :files, :at)")
			.param("version", version)
			.param("files", files)
			.param("at", firstUsedAt)
			.update();
	}

}
