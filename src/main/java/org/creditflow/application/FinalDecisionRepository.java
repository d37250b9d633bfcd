package org.creditflow.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code loan_decision} table: one row per decided application, never updated.
 */
@Repository
class FinalDecisionRepository {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	FinalDecisionRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(FinalDecision decision) {
		this.jdbc.sql("""
				insert into loan_decision (application_id, outcome, score, grade, credit_limit, annual_rate, reasons,
				    ruleset_version, decided_by, second_approver, decision_comment, decided_at)
				values (:applicationId, :outcome, :score, :grade, :creditLimit, :annualRate, :reasons,
				    :rulesetVersion, :decidedBy, :secondApprover, :comment, :decidedAt)""")
			.param("applicationId", decision.applicationId())
			.param("outcome", decision.outcome().name())
			.param("score", decision.score(), java.sql.Types.INTEGER)
			.param("grade", decision.grade(), java.sql.Types.VARCHAR)
			.param("creditLimit", decision.creditLimit(), java.sql.Types.BIGINT)
			.param("annualRate", decision.annualRate(), java.sql.Types.NUMERIC)
			.param("reasons", write(decision.reasons()))
			.param("rulesetVersion", decision.rulesetVersion(), java.sql.Types.VARCHAR)
			.param("decidedBy", decision.decidedBy())
			.param("secondApprover", decision.secondApprover(), java.sql.Types.VARCHAR)
			.param("comment", decision.comment(), java.sql.Types.VARCHAR)
			.param("decidedAt", decision.decidedAt())
			.update();
	}

	Optional<FinalDecision> findByApplicationId(String applicationId) {
		return this.jdbc.sql("select * from loan_decision where application_id = :id")
			.param("id", applicationId)
			.query(this::map)
			.optional();
	}

	/** Approved applications in the order they were decided, a page at a time. */
	List<FinalDecision> approved(int offset, int limit) {
		return this.jdbc.sql("""
				select * from loan_decision where outcome = 'APPROVED'
				order by decided_at, application_id offset :offset rows fetch next :limit rows only""")
			.param("offset", offset)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** Applications an officer approved or declined, in the order they were decided. */
	List<FinalDecision> decidedByOfficers() {
		return this.jdbc.sql("""
				select * from loan_decision where decided_by <> :rules and outcome in ('APPROVED', 'DECLINED')
				order by decided_at, application_id""").param("rules", FinalDecision.RULES).query(this::map).list();
	}

	/** How many decisions of each outcome were taken from (inclusive) to (exclusive). */
	Map<ApplicationStatus, Long> outcomes(OffsetDateTime from, OffsetDateTime to) {
		Map<ApplicationStatus, Long> outcomes = new EnumMap<>(ApplicationStatus.class);
		this.jdbc.sql("""
				select outcome, count(*) as decisions from loan_decision
				where decided_at >= :from and decided_at < :to group by outcome""")
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				outcomes.put(ApplicationStatus.valueOf(rs.getString("outcome")), rs.getLong("decisions"));
			});
		return outcomes;
	}

	private FinalDecision map(ResultSet rs, int row) throws SQLException {
		return new FinalDecision(rs.getString("application_id"), ApplicationStatus.valueOf(rs.getString("outcome")),
				rs.getObject("score", Integer.class), rs.getString("grade"), rs.getObject("credit_limit", Long.class),
				rate(rs.getBigDecimal("annual_rate")), read(rs.getString("reasons")), rs.getString("ruleset_version"),
				rs.getString("decided_by"), rs.getString("second_approver"), rs.getString("decision_comment"),
				rs.getObject("decided_at", OffsetDateTime.class));
	}

	private static BigDecimal rate(BigDecimal stored) {
		return (stored != null) ? stored.stripTrailingZeros() : null;
	}

	private String write(List<Reason> reasons) {
		try {
			return this.json.writeValueAsString(reasons);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Reason> read(String reasons) {
		try {
			return this.json.readValue(reasons, REASONS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
