package org.creditflow.scoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Champion against challenger on the applications each decided since the challenger went
 * into service (their first assessment; a re-assessment stays with the same ruleset): how
 * many, how they were banded, their scores and their prices. Bad rates need the loans'
 * outcomes, which the service does not record yet; they are left out (null) rather than
 * guessed.
 */
@Service
public class ChallengeComparison {

	/** Score bins of this width in the distributions. */
	static final int SCORE_BIN = 50;

	/**
	 * The figures of one side.
	 *
	 * @param scorePercentiles the 10th, 25th, 50th, 75th and 90th percentile of scores
	 * @param scoreBins applications per bin of {@value #SCORE_BIN} points, by the bin's
	 * lowest score
	 * @param meanOfferRate the mean rate offered to the applications it approved (%)
	 * @param offerRateByGrade the mean rate offered per grade
	 * @param badRate the share of its approved loans gone bad; null while no outcomes are
	 * recorded
	 */
	public record Side(String version, RulesetRole role, int share, long applications, long approved, long referred,
			long declined, double approvalRate, double referRate, double declineRate,
			Map<String, Integer> scorePercentiles, Map<Integer, Long> scoreBins, @Nullable Double meanOfferRate,
			Map<String, Double> offerRateByGrade, @Nullable Double meanPd, long withOutcome, @Nullable Double badRate) {
	}

	/**
	 * @param since when the challenger went into service; both sides count from then
	 */
	public record Comparison(@Nullable OffsetDateTime since, Side champion, @Nullable Side challenger, String note) {
	}

	private record Row(String band, @Nullable Integer score, @Nullable String grade, @Nullable BigDecimal rate,
			@Nullable Double pd) {
	}

	private final JdbcClient jdbc;

	private final RulesetsInService database;

	private final ObjectMapper json;

	ChallengeComparison(JdbcClient jdbc, RulesetsInService database, ObjectMapper json) {
		this.jdbc = jdbc;
		this.database = database;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public Comparison compare() {
		RulesetsInService.Row champion = this.database.champion()
			.orElseThrow(() -> new IllegalStateException("No ruleset is in service"));
		Optional<RulesetsInService.Row> challenger = this.database.challenger();
		if (challenger.isEmpty()) {
			return new Comparison(null, side(champion.version(), RulesetRole.CHAMPION, 100, champion.activatedAt()),
					null, "No challenger is in service: the champion decides every application. "
							+ "A challenger goes into service by a release with role CHALLENGER.");
		}
		OffsetDateTime since = challenger.get().activatedAt();
		return new Comparison(since,
				side(champion.version(), RulesetRole.CHAMPION, 100 - challenger.get().share(), since),
				side(challenger.get().version(), RulesetRole.CHALLENGER, challenger.get().share(), since),
				"First assessments since the challenger went into service. Bad rates appear once loan outcomes "
						+ "are recorded; until then the comparison rests on bands, scores and prices.");
	}

	private Side side(String version, RulesetRole role, int share, OffsetDateTime since) {
		List<Row> rows = this.jdbc.sql("""
				select band, score, grade, result from credit_assessment
				where ruleset_version = :version and ruleset_role = :role and round = 1 and assessed_at >= :since""")
			.param("version", version)
			.param("role", role.name())
			.param("since", since)
			.query((rs, n) -> row(rs.getString("band"), (Integer) rs.getObject("score"), rs.getString("grade"),
					rs.getString("result")))
			.list();
		long approved = rows.stream().filter((row) -> "APPROVE".equals(row.band())).count();
		long referred = rows.stream().filter((row) -> "REFER".equals(row.band())).count();
		long declined = rows.stream().filter((row) -> "DECLINE".equals(row.band())).count();
		List<Integer> scores = rows.stream().map(Row::score).filter((score) -> score != null).sorted().toList();
		Map<String, Integer> percentiles = new LinkedHashMap<>();
		if (!scores.isEmpty()) {
			for (int p : new int[] { 10, 25, 50, 75, 90 }) {
				percentiles.put("p" + p,
						scores.get(Math.min(scores.size() - 1, (int) Math.floor(p / 100.0 * scores.size()))));
			}
		}
		Map<Integer, Long> bins = new TreeMap<>();
		scores.forEach((score) -> bins.merge(Math.floorDiv(score, SCORE_BIN) * SCORE_BIN, 1L, Long::sum));
		List<Row> offered = rows.stream().filter((row) -> "APPROVE".equals(row.band()) && row.rate() != null).toList();
		Map<String, List<Double>> byGrade = new TreeMap<>();
		offered.stream()
			.filter((row) -> row.grade() != null)
			.forEach((row) -> byGrade.computeIfAbsent(row.grade(), (grade) -> new ArrayList<>())
				.add(row.rate().doubleValue()));
		Map<String, Double> rateByGrade = new LinkedHashMap<>();
		byGrade.forEach((grade, rates) -> rateByGrade.put(grade, round(mean(rates))));
		List<Double> pds = rows.stream().map(Row::pd).filter((pd) -> pd != null).toList();
		double total = Math.max(1, rows.size());
		return new Side(version, role, share, rows.size(), approved, referred, declined, round(approved / total),
				round(referred / total), round(declined / total), percentiles, bins,
				offered.isEmpty() ? null
						: round(mean(offered.stream().map((row) -> row.rate().doubleValue()).toList())),
				rateByGrade, pds.isEmpty() ? null : round(mean(pds)), 0, null);
	}

	/** The offer rate and PD, from the assessment the result holds. */
	private Row row(String band, @Nullable Integer score, @Nullable String grade, String result) {
		try {
			JsonNode assessment = this.json.readTree(result).path("assessment");
			JsonNode rate = assessment.path("offerRate");
			JsonNode pd = assessment.path("pd");
			return new Row(band, score, grade, rate.isNumber() ? rate.decimalValue() : null,
					pd.isNumber() ? pd.doubleValue() : null);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
