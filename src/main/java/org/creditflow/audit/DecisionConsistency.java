package org.creditflow.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that the decisions the service acts on say what their sealed records say. The
 * chain proves its records were not changed; the decisions themselves live in
 * {@code loan_decision} (what the applicant is told) and {@code review_decision} (what an
 * officer decided), which a database writer could change without touching the chain. So:
 * every final decision and every officer's decision matches its record, an officer's
 * approval carries the terms of the review that approved them, a rules' approval the
 * offer of the assessment before it, and no decision exists without a record.
 */
@Component
class DecisionConsistency {

	private static final int MAX_REPORTED = 100;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	DecisionConsistency(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	List<ChainCheck.Break> check() {
		Map<String, Map<String, Object>> finals = rows("select * from loan_decision", "application_id");
		Map<String, Map<String, Object>> reviews = rows("select * from review_decision", "task_id");
		Comparison comparison = new Comparison(finals, reviews);
		this.jdbc
			.sql("select seq, application_id, kind, actor, payload from decision_record "
					+ "where kind in ('ASSESSMENT', 'REVIEW', 'SECOND_APPROVAL', 'FINAL_DECISION') order by seq")
			.query((rs) -> {
				comparison.next(rs.getLong("seq"), rs.getString("application_id"), rs.getString("kind"),
						rs.getString("actor"), read(rs.getString("payload")));
			});
		return comparison.finish();
	}

	private Map<String, Map<String, Object>> rows(String sql, String key) {
		Map<String, Map<String, Object>> rows = new HashMap<>();
		for (Map<String, Object> row : this.jdbc.sql(sql).query().listOfRows()) {
			Map<String, Object> lower = new HashMap<>();
			row.forEach((column, value) -> lower.put(column.toLowerCase(java.util.Locale.ROOT), value));
			rows.put((String) lower.get(key), lower);
		}
		return rows;
	}

	private JsonNode read(String payload) {
		try {
			return this.json.readTree(payload);
		}
		catch (JsonProcessingException ex) {
			return this.json.createObjectNode();
		}
	}

	/** One pass over the records, in chain order. */
	private final class Comparison {

		private final Map<String, Map<String, Object>> finals;

		private final Map<String, Map<String, Object>> reviews;

		private final Set<String> finalsSeen = new HashSet<>();

		private final Set<String> reviewsSeen = new HashSet<>();

		private final Map<String, JsonNode> lastAssessment = new HashMap<>();

		private final Map<String, JsonNode> lastApproval = new HashMap<>();

		private final List<ChainCheck.Break> mismatches = new ArrayList<>();

		Comparison(Map<String, Map<String, Object>> finals, Map<String, Map<String, Object>> reviews) {
			this.finals = finals;
			this.reviews = reviews;
		}

		void next(long seq, String applicationId, String kind, String actor, JsonNode payload) {
			switch (kind) {
				case "ASSESSMENT" -> this.lastAssessment.put(applicationId, payload);
				case "REVIEW", "SECOND_APPROVAL" -> review(seq, applicationId, kind, actor, payload);
				default -> decision(seq, applicationId, actor, payload);
			}
		}

		private void review(long seq, String applicationId, String kind, String actor, JsonNode payload) {
			String taskId = payload.path("taskId").asText();
			this.reviewsSeen.add(taskId);
			if ("REVIEW".equals(kind) && "APPROVE".equals(payload.path("decision").asText())) {
				this.lastApproval.put(applicationId, payload);
			}
			Map<String, Object> row = this.reviews.get(taskId);
			if (row == null) {
				mismatch(seq, applicationId,
						"the officer's decision on task " + taskId + " is missing from " + "review_decision");
				return;
			}
			differs(seq, applicationId, "review_decision", "decided_by", actor, row.get("decided_by"));
			differs(seq, applicationId, "review_decision", "decision", payload.path("decision").asText(),
					row.get("decision"));
			differs(seq, applicationId, "review_decision", "approved_limit", number(payload.get("approvedLimit")),
					number(row.get("approved_limit")));
			differs(seq, applicationId, "review_decision", "approved_rate", number(payload.get("approvedRate")),
					number(row.get("approved_rate")));
		}

		private void decision(long seq, String applicationId, String actor, JsonNode payload) {
			String outcome = payload.path("outcome").asText();
			if (!"APPROVED".equals(outcome) && !"DECLINED".equals(outcome)) {
				return;
			}
			this.finalsSeen.add(applicationId);
			Map<String, Object> row = this.finals.get(applicationId);
			if (row == null) {
				mismatch(seq, applicationId, "the final decision is missing from loan_decision");
				return;
			}
			differs(seq, applicationId, "loan_decision", "outcome", outcome, row.get("outcome"));
			differs(seq, applicationId, "loan_decision", "decided_by", actor, row.get("decided_by"));
			differs(seq, applicationId, "loan_decision", "credit_limit", number(payload.get("creditLimit")),
					number(row.get("credit_limit")));
			differs(seq, applicationId, "loan_decision", "annual_rate", number(payload.get("annualRate")),
					number(row.get("annual_rate")));
			differs(seq, applicationId, "loan_decision", "second_approver", text(payload.get("secondApprover")),
					row.get("second_approver"));
			differs(seq, applicationId, "loan_decision", "reasons", payload.path("reasons").toString(),
					reasonCodes(row.get("reasons")));
			if ("APPROVED".equals(outcome)) {
				approvedTerms(seq, applicationId, payload);
			}
		}

		/**
		 * An approval's terms come from the review that approved them, else the rules'
		 * offer.
		 */
		private void approvedTerms(long seq, String applicationId, JsonNode decision) {
			boolean byOfficer = "OFFICER".equals(decision.path("decider").asText());
			JsonNode source = byOfficer ? this.lastApproval.get(applicationId) : this.lastAssessment.get(applicationId);
			if (source == null) {
				mismatch(seq, applicationId, "an approval with no " + (byOfficer ? "officer's approval" : "assessment")
						+ " recorded before it");
				return;
			}
			String limit = byOfficer ? "approvedLimit" : "offerLimit";
			String rate = byOfficer ? "approvedRate" : "offerRate";
			if (!Objects.equals(number(decision.get("creditLimit")), number(source.get(limit)))
					|| !Objects.equals(number(decision.get("annualRate")), number(source.get(rate)))) {
				mismatch(seq, applicationId,
						"the approved terms (" + decision.get("creditLimit") + " at " + decision.get("annualRate")
								+ " %) differ from the " + (byOfficer ? "officer's approval" : "rules' offer") + " ("
								+ source.get(limit) + " at " + source.get(rate) + " %)");
			}
		}

		List<ChainCheck.Break> finish() {
			this.finals.keySet()
				.stream()
				.filter((applicationId) -> !this.finalsSeen.contains(applicationId))
				.sorted()
				.forEach((applicationId) -> mismatch(0, applicationId,
						"loan_decision holds a decision that has no record in the chain"));
			this.reviews.entrySet()
				.stream()
				.filter((review) -> !this.reviewsSeen.contains(review.getKey()))
				.forEach((review) -> mismatch(0, (String) review.getValue().get("application_id"),
						"review_decision holds an officer's decision (task " + review.getKey()
								+ ") that has no record in the chain"));
			return this.mismatches;
		}

		private void differs(long seq, String applicationId, String table, String column, @Nullable Object recorded,
				@Nullable Object stored) {
			if (!Objects.equals(normal(recorded), normal(stored))) {
				mismatch(seq, applicationId, table + "." + column + " is " + shown(stored)
						+ " but the sealed record says " + shown(recorded));
			}
		}

		private void mismatch(long seq, String applicationId, String problem) {
			if (this.mismatches.size() < MAX_REPORTED) {
				this.mismatches.add(new ChainCheck.Break(seq, applicationId, problem));
			}
		}

		private String reasonCodes(@Nullable Object stored) {
			List<String> codes = new ArrayList<>();
			read(String.valueOf(stored)).forEach((reason) -> codes.add(reason.path("code").asText()));
			return DecisionConsistency.this.json.valueToTree(codes).toString();
		}

	}

	private static String shown(@Nullable Object value) {
		return (value instanceof BigDecimal number) ? number.toPlainString() : String.valueOf(value);
	}

	@Nullable
	private static Object normal(@Nullable Object value) {
		return (value instanceof String text && text.isEmpty()) ? null : value;
	}

	@Nullable
	private static String text(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asText();
	}

	/** Amounts and rates compare by value: 7.9, 7.90 and 7.9E0 are the same rate. */
	@Nullable
	private static BigDecimal number(@Nullable Object value) {
		if (value == null || value instanceof JsonNode node && node.isNull()) {
			return null;
		}
		String text = (value instanceof JsonNode node) ? node.asText() : value.toString();
		try {
			return new BigDecimal(text).stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
