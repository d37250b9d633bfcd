package org.creditflow.scoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.mydata.FinancialProfile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessments the service has recorded, as a population to backtest on: each with the
 * facts it recorded and what it concluded. Read as a stream, so a year of applications
 * never sits in memory.
 */
@Service
public class RecordedCases {

	/**
	 * One recorded assessment.
	 *
	 * @param facts the facts exactly as recorded, ready for a ruleset
	 * @param financial the bank data among them; null when there was none
	 * @param recorded what the ruleset in service concluded then
	 */
	public record RecordedCase(String applicationId, int round, OffsetDateTime assessedAt, String rulesetVersion,
			List<Object> facts, @Nullable FinancialProfile financial, Outcome recorded) {
	}

	private static final String WHERE = " where (cast(? as timestamp with time zone) is null or assessed_at >= ?)"
			+ " and (cast(? as timestamp with time zone) is null or assessed_at < ?)"
			+ " and (cast(? as varchar(64)) is null or ruleset_version = ?)";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	RecordedCases(DataSource dataSource, ObjectMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a fetch size inside a transaction; H2 reads lazily
		// anyway
		this.jdbc.setFetchSize(500);
		this.json = json;
	}

	/** How many assessments were recorded from (inclusive) to (exclusive); null: open. */
	@Transactional(readOnly = true)
	public long count(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {
		return count(from, to, null);
	}

	/**
	 * How many assessments that ruleset version made in the period; null: any version.
	 */
	@Transactional(readOnly = true)
	public long count(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String rulesetVersion) {
		Long count = this.jdbc.queryForObject("select count(*) from credit_assessment" + WHERE, Long.class, from, from,
				to, to, rulesetVersion, rulesetVersion);
		return (count != null) ? count : 0;
	}

	/**
	 * When the newest {@code count} assessments begin; empty when there are fewer.
	 */
	@Transactional(readOnly = true)
	public Optional<OffsetDateTime> startOfNewest(int count) {
		return this.jdbc
			.query("select assessed_at from credit_assessment order by assessed_at desc limit 1 offset ?",
					(rs, row) -> rs.getObject(1, OffsetDateTime.class), count - 1)
			.stream()
			.findFirst();
	}

	/**
	 * Hands every assessment recorded in the period to {@code each}, oldest first.
	 * @return how many there were
	 */
	@Transactional(readOnly = true)
	public long forEach(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, Consumer<RecordedCase> each) {
		return forEach(from, to, null, each);
	}

	/**
	 * Hands every assessment that ruleset version made in the period to {@code each},
	 * oldest first; null: any version.
	 * @return how many there were
	 */
	@Transactional(readOnly = true)
	public long forEach(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String rulesetVersion,
			Consumer<RecordedCase> each) {
		long[] seen = { 0 };
		this.jdbc.query("select facts, result from credit_assessment" + WHERE + " order by assessed_at, id", (rs) -> {
			each.accept(read(rs.getString("facts"), rs.getString("result")));
			seen[0]++;
		}, from, from, to, to, rulesetVersion, rulesetVersion);
		return seen[0];
	}

	private RecordedCase read(String facts, String result) {
		try {
			Assessment assessment = this.json.treeToValue(this.json.readTree(result).get("assessment"),
					Assessment.class);
			RecordedFacts recorded = RecordedFacts.read(facts, this.json);
			return new RecordedCase(assessment.applicationId(), assessment.round(), assessment.assessedAt(),
					assessment.rulesetVersion(), recorded.asFacts(), recorded.financial(), Outcome.of(assessment));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

}
