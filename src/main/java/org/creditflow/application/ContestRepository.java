package org.creditflow.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code decision_contest} table: one row per contest, never updated. A declined
 * application can be contested once (unique), so two contests sent at once cannot both
 * start.
 */
@Repository
class ContestRepository {

	private final JdbcClient jdbc;

	ContestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Contest contest) {
		this.jdbc.sql("""
				insert into decision_contest (application_id, contested_application_id, kind, statement,
				    submitted_by, submitted_at)
				values (:applicationId, :contested, :kind, :statement, :submittedBy, :submittedAt)""")
			.param("applicationId", contest.applicationId())
			.param("contested", contest.contestedApplicationId())
			.param("kind", contest.kind().name())
			.param("statement", contest.statement())
			.param("submittedBy", contest.submittedBy())
			.param("submittedAt", contest.submittedAt())
			.update();
	}

	/** The contest that is this application, if it is one. */
	Optional<Contest> findByApplicationId(String applicationId) {
		return this.jdbc.sql("select * from decision_contest where application_id = :id")
			.param("id", applicationId)
			.query(this::map)
			.optional();
	}

	/** The contest of this (declined) application, if it was contested. */
	Optional<Contest> findByContestedApplicationId(String applicationId) {
		return this.jdbc.sql("select * from decision_contest where contested_application_id = :id")
			.param("id", applicationId)
			.query(this::map)
			.optional();
	}

	private Contest map(ResultSet rs, int row) throws SQLException {
		return new Contest(rs.getString("application_id"), rs.getString("contested_application_id"),
				ContestKind.valueOf(rs.getString("kind")), rs.getString("statement"), rs.getString("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class));
	}

}
