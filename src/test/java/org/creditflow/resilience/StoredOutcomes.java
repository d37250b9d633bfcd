package org.creditflow.resilience;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.creditflow.ServiceDatabase;

/**
 * What the database holds after a run, read with SQL: every count a crash could have lost
 * or doubled, per application.
 *
 * @param applicationByKey the application each of the partner's idempotency keys created
 * @param statusByApplication every application and its status
 * @param processInstances process instances (running or ended) per application
 * @param loanDecisions final decisions per application
 * @param recordsByKind decision records per kind ({@code ASSESSMENT},
 * {@code FINAL_DECISION}), per application
 * @param chain the decision records' sequence numbers, in order
 * @param chainHead the sequence number the chain's head row says is the last
 */
record StoredOutcomes(Map<String, String> applicationByKey, Map<String, String> statusByApplication,
		Map<String, Long> processInstances, Map<String, Long> loanDecisions,
		Map<String, Map<String, Long>> recordsByKind, List<Long> chain, long chainHead) {

	static StoredOutcomes read(ServiceDatabase database) throws SQLException {
		try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
			Map<String, Map<String, Long>> records = new HashMap<>();
			try (ResultSet rows = sql.executeQuery(
					"select kind, application_id, count(*) from decision_record group by kind, application_id")) {
				while (rows.next()) {
					records.computeIfAbsent(rows.getString(1), (kind) -> new HashMap<>())
						.put(rows.getString(2), rows.getLong(3));
				}
			}
			List<Long> chain = new ArrayList<>();
			try (ResultSet rows = sql.executeQuery("select seq from decision_record order by seq")) {
				while (rows.next()) {
					chain.add(rows.getLong(1));
				}
			}
			return new StoredOutcomes(
					pairs(sql,
							"select idempotency_key, application_id from application_idempotency_key"
									+ " where client_id = 'partner'"),
					pairs(sql, "select id, status from loan_application"),
					counts(sql, "select business_key_, count(*) from act_hi_procinst group by business_key_"),
					counts(sql, "select application_id, count(*) from loan_decision group by application_id"), records,
					chain, single(sql, "select seq from decision_chain_head"));
		}
	}

	/** Records of that kind per application; none is 0. */
	long records(String kind, String applicationId) {
		return this.recordsByKind.getOrDefault(kind, Map.of()).getOrDefault(applicationId, 0L);
	}

	private static Map<String, String> pairs(Statement sql, String query) throws SQLException {
		Map<String, String> pairs = new HashMap<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				pairs.put(rows.getString(1), rows.getString(2));
			}
		}
		return pairs;
	}

	private static Map<String, Long> counts(Statement sql, String query) throws SQLException {
		Map<String, Long> counts = new HashMap<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				counts.put(rows.getString(1), rows.getLong(2));
			}
		}
		return counts;
	}

	private static long single(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
