package org.creditflow.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds applications for auditors and lists a period's decisions. A read model over the
 * other modules' tables: the audit trail must see everything, and it never writes there.
 */
@Component
class AuditSearch {

	private static final int MAX_ROWS = 500;

	/** One application found. The applicant never appears, masked or not. */
	record Found(String applicationId, String status, @Nullable String outcome, @Nullable String decidedBy,
			@Nullable String rulesetVersion, OffsetDateTime submittedAt, @Nullable OffsetDateTime decidedAt) {
	}

	/** Every criterion is optional; dates are inclusive days of submission (UTC). */
	record Criteria(@Nullable String status, @Nullable String outcome, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String officer, @Nullable String rulesetVersion) {
	}

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Found> find(Criteria criteria) {
		StringBuilder sql = new StringBuilder("""
				select a.id, a.status, d.outcome, d.decided_by, d.ruleset_version, a.created_at, d.decided_at
				from loan_application a left join loan_decision d on d.application_id = a.id
				where 1 = 1""");
		Map<String, Object> params = new LinkedHashMap<>();
		if (criteria.status() != null) {
			sql.append(" and a.status = :status");
			params.put("status", criteria.status());
		}
		if (criteria.outcome() != null) {
			sql.append(" and d.outcome = :outcome");
			params.put("outcome", criteria.outcome());
		}
		if (criteria.from() != null) {
			sql.append(" and a.created_at >= :from");
			params.put("from", criteria.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (criteria.to() != null) {
			sql.append(" and a.created_at < :to");
			params.put("to", criteria.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (criteria.officer() != null) {
			sql.append(" and exists (select 1 from review_decision r where r.application_id = a.id"
					+ " and r.decided_by = :officer)");
			params.put("officer", criteria.officer());
		}
		if (criteria.rulesetVersion() != null) {
			sql.append(" and exists (select 1 from credit_assessment c where c.application_id = a.id"
					+ " and c.ruleset_version = :rulesetVersion)");
			params.put("rulesetVersion", criteria.rulesetVersion());
		}
		sql.append(" order by a.created_at desc, a.id limit " + MAX_ROWS);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Found(rs.getString("id"), rs.getString("status"), rs.getString("outcome"),
					rs.getString("decided_by"), rs.getString("ruleset_version"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * A period's decisions (by decision day, UTC) as CSV rows, header first, no
	 * identifiers.
	 */
	List<List<String>> decisions(LocalDate from, LocalDate to) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("application_id", "outcome", "score", "grade", "credit_limit", "annual_rate", "reasons",
				"ruleset_version", "decided_by", "second_approver", "decided_at"));
		this.jdbc
			.sql("""
					select application_id, outcome, score, grade, credit_limit, annual_rate, reasons, ruleset_version,
					    decided_by, second_approver, decided_at
					from loan_decision where decided_at >= :from and decided_at < :to order by decided_at, application_id""")
			.param("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs) -> {
				List<String> row = new ArrayList<>();
				for (int column = 1; column <= 11; column++) {
					Object value = rs.getObject(column);
					row.add((value != null) ? value.toString() : "");
				}
				rows.add(row);
			});
		return rows;
	}

}
