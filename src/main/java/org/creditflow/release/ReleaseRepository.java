package org.creditflow.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditflow.scoring.RulesetRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** The {@code ruleset_release} and {@code ruleset_release_report} tables. */
@Repository
class ReleaseRepository {

	private final JdbcClient jdbc;

	ReleaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Release release) {
		this.jdbc.sql("""
				insert into ruleset_release (id, version, role, challenger_share, source, rollback_release, rationale,
				    effective_at, status, baseline_version, scenarios, submitted_by, submitted_at)
				values (:id, :version, :role, :share, :source, :rollback, :rationale, :effectiveAt, :status,
				    :baselineVersion, :scenarios, :submittedBy, :submittedAt)""")
			.param("id", release.id())
			.param("version", release.version())
			.param("role", release.role().name())
			.param("share", release.challengerShare(), Types.INTEGER)
			.param("source", release.source().name())
			.param("rollback", release.rollback())
			.param("rationale", release.rationale())
			.param("effectiveAt", release.effectiveAt())
			.param("status", release.status().name())
			.param("baselineVersion", release.baselineVersion())
			.param("scenarios", release.scenarios(), Types.VARCHAR)
			.param("submittedBy", release.submittedBy())
			.param("submittedAt", release.submittedAt())
			.update();
	}

	void startedAs(String id, String processInstanceId) {
		this.jdbc.sql("update ruleset_release set process_instance_id = :pi where id = :id")
			.param("pi", processInstanceId)
			.param("id", id)
			.update();
	}

	void validated(String id, boolean valid, String problems) {
		this.jdbc.sql("update ruleset_release set status = :status, problems = :problems where id = :id")
			.param("status", (valid ? ReleaseStatus.VALIDATED : ReleaseStatus.INVALID).name())
			.param("problems", problems)
			.param("id", id)
			.update();
	}

	void measured(String id, String impact, Map<String, String> reports) {
		this.jdbc.sql("update ruleset_release set status = :status, impact = :impact where id = :id")
			.param("status", ReleaseStatus.AWAITING_APPROVAL.name())
			.param("impact", impact)
			.param("id", id)
			.update();
		this.jdbc.sql("delete from ruleset_release_report where release_id = :id").param("id", id).update();
		reports.forEach((population, html) -> this.jdbc
			.sql("insert into ruleset_release_report (release_id, population, html) values (:id, :population, :html)")
			.param("id", id)
			.param("population", population)
			.param("html", html)
			.update());
	}

	void decided(String id, boolean approved, String by, String comment, OffsetDateTime at) {
		this.jdbc.sql("""
				update ruleset_release set status = :status, decided_by = :by, decided_at = :at,
				    decision_comment = :comment
				where id = :id""")
			.param("status", (approved ? ReleaseStatus.APPROVED : ReleaseStatus.REJECTED).name())
			.param("by", by)
			.param("at", at)
			.param("comment", comment)
			.param("id", id)
			.update();
	}

	void activated(String id, OffsetDateTime at) {
		this.jdbc.sql("update ruleset_release set status = :status, activated_at = :at where id = :id")
			.param("status", ReleaseStatus.ACTIVE.name())
			.param("at", at)
			.param("id", id)
			.update();
	}

	Optional<Release> find(String id) {
		return this.jdbc.sql("select * from ruleset_release where id = :id")
			.param("id", id)
			.query(ReleaseRepository::map)
			.optional();
	}

	Optional<Release> findByProcessInstance(String processInstanceId) {
		return this.jdbc.sql("select * from ruleset_release where process_instance_id = :pi")
			.param("pi", processInstanceId)
			.query(ReleaseRepository::map)
			.optional();
	}

	/** The newest first. */
	List<Release> findAll(@Nullable String version, int limit) {
		return this.jdbc.sql("""
				select * from ruleset_release where (cast(:version as varchar(64)) is null or version = :version)
				order by submitted_at desc limit :limit""")
			.param("version", version, Types.VARCHAR)
			.param("limit", limit)
			.query(ReleaseRepository::map)
			.list();
	}

	Optional<String> report(String id, String population) {
		return this.jdbc.sql("select html from ruleset_release_report where release_id = :id and population = :p")
			.param("id", id)
			.param("p", population)
			.query(String.class)
			.optional();
	}

	private static Release map(ResultSet rs, int row) throws SQLException {
		return new Release(rs.getString("id"), rs.getString("version"), RulesetRole.valueOf(rs.getString("role")),
				(Integer) rs.getObject("challenger_share"), ReleaseSource.valueOf(rs.getString("source")),
				rs.getBoolean("rollback_release"), rs.getString("rationale"),
				rs.getObject("effective_at", OffsetDateTime.class), ReleaseStatus.valueOf(rs.getString("status")),
				rs.getString("baseline_version"), rs.getString("scenarios"), rs.getString("problems"),
				rs.getString("impact"), rs.getString("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_comment"),
				rs.getObject("activated_at", OffsetDateTime.class), rs.getString("process_instance_id"));
	}

}
