package org.creditflow.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.creditflow.backtest.CsvCells;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.FactProperties;
import org.creditflow.scoring.facts.Scoresheet;

import org.springframework.lang.Nullable;

/**
 * A fitted scorecard as a Drools decision table that drops into {@code rules/credit/}:
 * for every segment and selected characteristic a table, one row per bin with its
 * condition on the fact property the characteristic names, its points, its reason code
 * and the points it gives less than the characteristic's best bin (what an applicant lost
 * by it, which ranks the reasons). Written only when every characteristic names a fact
 * property ({@code TelecomProfile.monthsOfTenure}); each table scores once per
 * assessment, and the rows of a characteristic cover every value, so every applicant of
 * the segment gets exactly one row of each.
 */
final class ScorecardTable {

	static final String FILE = "scorecards.drl.csv";

	/** The stage the points belong to; see rules/README.md. */
	static final String STAGE = "scorecard";

	/** What the tables' conditions name: the facts and the types of their codes. */
	private static final List<String> IMPORTS = List.of("org.creditflow.scoring.facts.Scoresheet",
			"org.creditflow.scoring.facts.Applicant", "org.creditflow.scoring.facts.LoanRequest",
			"org.creditflow.scoring.facts.Affordability", "org.creditflow.scoring.facts.DataAvailability",
			"org.creditflow.mydata.FinancialProfile", "org.creditflow.mydata.TelecomProfile",
			"org.creditflow.application.EmploymentType", "org.creditflow.application.LoanProduct",
			"org.creditflow.application.LoanPurpose");

	private ScorecardTable() {
	}

	/** The characteristics of the spec that name no fact property; empty when all do. */
	static List<String> notFactProperties(ScorecardSpec spec) {
		return spec.characteristics()
			.stream()
			.map(ScorecardSpec.Characteristic::name)
			.filter((name) -> FactProperties.named(name).isEmpty())
			.toList();
	}

	/** The decision table; the spec's characteristics must all name fact properties. */
	static String of(ScorecardModel model, @Nullable String segmentColumn) {
		StringBuilder table = new StringBuilder();
		table.append("RuleSet,credit\n");
		table.append("Import,").append(CsvCells.quoted(String.join(", ", IMPORTS))).append('\n');
		table.append("Notes,")
			.append(CsvCells.quoted("Stage \"scorecard\": fitted scorecards, written by java -jar creditflow.jar "
					+ "scorecard (see rules/scorecards/README.md). Each table gives one characteristic's points "
					+ "in one segment; the score is the sum of the points, and the score a probability of "
					+ "default on the scale of policy.properties (score.base, score.odds, score.pdo). Refit "
					+ "rather than edit by hand: points and bins come from data."))
			.append('\n');
		for (Map.Entry<String, ScorecardModel.Segment> segment : model.segments().entrySet()) {
			for (ScorecardModel.Characteristic characteristic : segment.getValue().characteristics()) {
				if (characteristic.selected()) {
					table.append(",\n");
					characteristicTable(table, (segmentColumn != null) ? segment.getKey() : null, characteristic,
							segment.getValue().unseenPoints());
				}
			}
		}
		return table.toString();
	}

	private static void characteristicTable(StringBuilder table, @Nullable String segment,
			ScorecardModel.Characteristic characteristic, int unseenPoints) {
		FactProperties.Property property = FactProperties.named(characteristic.name())
			.orElseThrow(() -> new IllegalArgumentException(characteristic.name() + " is no fact property"));
		boolean numeric = "numeric".equals(characteristic.type());
		boolean nullable = property.nullable();
		List<Row> rows = rows(characteristic, property, numeric, nullable, unseenPoints);
		int best = rows.stream().mapToInt(Row::points).max().orElse(0);
		String fact = property.fact().getSimpleName();
		String name = property.name();
		String points = TelecomProfile.class.equals(property.fact()) ? "telecomPoints" : "financialPoints";
		String reasonCode = Optional.ofNullable(characteristic.reasonCode()).orElse(defaultReasonCode(name));
		table.append("RuleTable Scorecard ")
			.append((segment != null) ? segment + " " : "")
			.append(characteristic.name())
			.append('\n');
		List<String> kinds = new ArrayList<>(List.of("AGENDA-GROUP", "CONDITION"));
		List<String> patterns = new ArrayList<>(List.of("", "$sheet : Scoresheet"));
		List<String> snippets = new ArrayList<>(List.of("", "segment == \"$param\""));
		List<String> titles = new ArrayList<>(List.of("Stage", "Segment"));
		// a nullable value must be known before it is compared; its absence has a row of
		// its own
		String known = nullable ? name + " != null, " : "";
		if (numeric) {
			kinds.addAll(List.of("CONDITION", "CONDITION"));
			patterns.addAll(List.of(fact, fact));
			snippets.addAll(List.of(known + name + " >= $param", known + name + " < $param"));
			titles.addAll(List.of(characteristic.name() + " from", "below"));
		}
		else {
			kinds.addAll(List.of("CONDITION", "CONDITION"));
			patterns.addAll(List.of(fact, fact));
			snippets.addAll(List.of(known + name + " in ($param)", known + name + " not in ($param)"));
			titles.addAll(List.of(characteristic.name() + " is one of", "is none of"));
		}
		if (nullable) {
			kinds.add("CONDITION");
			patterns.add(fact);
			snippets.add(name + " == $param");
			titles.add("no value");
		}
		kinds.addAll(List.of("ACTION", "METADATA", "METADATA"));
		patterns.addAll(List.of("", "", ""));
		snippets.addAll(List.of("$sheet." + points + "(drools.getRule(), $param);", "reasonCode(\"$param\")",
				Scoresheet.POINTS_BELOW_BEST + "($param)"));
		titles.addAll(List.of("Points", "Reason code", "Points below the best bin"));
		line(table, kinds);
		line(table, patterns);
		line(table, snippets);
		line(table, titles);
		for (Row row : rows) {
			List<String> cells = new ArrayList<>(List.of(STAGE, (segment != null) ? segment : ""));
			cells.addAll(numeric ? List.of(row.from(), row.to()) : List.of(row.codes(), row.notCodes()));
			if (nullable) {
				cells.add(row.missing() ? "null" : "");
			}
			cells.addAll(List.of(Integer.toString(row.points()), reasonCode, Integer.toString(best - row.points())));
			line(table, cells);
		}
	}

	/** A bin as a row: its conditions (empty: none) and its points. */
	private record Row(String from, String to, String codes, String notCodes, boolean missing, int points) {

		static Row range(String from, String to, int points) {
			return new Row(from, to, "", "", false, points);
		}

		static Row codes(String codes, int points) {
			return new Row("", "", codes, "", false, points);
		}

		static Row noValue(int points) {
			return new Row("", "", "", "", true, points);
		}

	}

	/**
	 * The bins of the model, and a last row for what no training row had: a missing
	 * value, or a code never seen (scored as the average applicant, as the fit did).
	 */
	private static List<Row> rows(ScorecardModel.Characteristic characteristic, FactProperties.Property property,
			boolean numeric, boolean nullable, int unseenPoints) {
		List<Row> rows = new ArrayList<>();
		List<String> allCodes = new ArrayList<>();
		boolean missingBin = false;
		for (ScorecardModel.BinPoints bin : characteristic.bins()) {
			int points = (bin.points() != null) ? bin.points() : unseenPoints;
			if (bin.missing()) {
				missingBin = true;
				rows.add(Row.noValue(points));
			}
			else if (numeric) {
				rows.add(Row.range(number(bin.from()), number(bin.to()), points));
			}
			else {
				allCodes.addAll(bin.codes());
				rows.add(Row.codes(codes(bin.codes(), property), points));
			}
		}
		if (!numeric) {
			rows.add(new Row("", "", "", codes(allCodes, property), false, unseenPoints));
		}
		if (nullable && !missingBin) {
			rows.add(Row.noValue(unseenPoints));
		}
		return rows;
	}

	private static String number(@Nullable Double bound) {
		if (bound == null) {
			return "";
		}
		return (bound == Math.rint(bound) && Math.abs(bound) < 1e15) ? Long.toString(bound.longValue())
				: bound.toString();
	}

	/**
	 * Codes as the rule writes them: a flag as true/false, an enum constant by its type,
	 * a text in quotes.
	 */
	private static String codes(List<String> codes, FactProperties.Property property) {
		Class<?> type = property.accessor().getReturnType();
		return codes.stream().map((code) -> {
			if (type == boolean.class || type == Boolean.class) {
				return "1".equals(code) || "true".equalsIgnoreCase(code) ? "true" : "false";
			}
			if (type.isEnum()) {
				return type.getSimpleName() + "." + code;
			}
			return property.textual() ? "\"" + code.replace("\"", "") + "\"" : code;
		}).collect(Collectors.joining(", "));
	}

	private static String defaultReasonCode(String property) {
		return "SCORE_" + property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

	private static void line(StringBuilder table, List<String> cells) {
		table.append(cells.stream().map(CsvCells::quoted).collect(Collectors.joining(","))).append('\n');
	}

}
