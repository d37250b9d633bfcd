package org.creditflow.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.creditflow.scoring.facts.DecisionTableRowFailure;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * A CSV decision table as one rule per table that looks its row up, instead of Drools'
 * one rule per row: the engine then matches, fires and resets a few dozen rules instead
 * of every scorecard bin. The table stays what the risk team edits; each row keeps what
 * its own rule gave: its name (the table's, then {@code _} and the row, which is the CSV
 * line) among the fired rules, its reason code and points below the best bin, its line
 * when it fails.
 * <p>
 * Only tables of the plain form the scorecard builder and the offer table use are looked
 * up: one stage for every row; conditions that compare a property with the cell
 * ({@code ==} a text or {@code null}, {@code <}, {@code <=}, {@code >=}, {@code >} a
 * number, optionally after {@code p != null, }); actions that use the cell, or a
 * scorecard's points with {@code reasonCode} and {@code pointsBelowBest}. A table with
 * anything else, a cell that is not of that form, a reason code the ruleset does not
 * know, or more than {@code RuleSet}, {@code Import} and {@code Notes} before the tables
 * leaves the whole file to Drools, which reports its problems by row as always and fires
 * its rows in the file's order, as the lookups do. Exact as long as an assessment has one
 * fact of each type, as every assessment has.
 */
final class DecisionTableLookup {

	/** The metadata of a table's rule: how many rows it stands for. */
	static final String TABLE_ROWS = "decisionTableRows";

	/** The generated DRL's path is the table's with this added. */
	static final String GENERATED_SUFFIX = ".lookup.drl";

	private static final String KEYWORD = "RuleTable";

	private static final Set<String> HEADER_KEYWORDS = Set.of("RuleSet", "Import", "Notes");

	/** What Drools gets instead of the file: its tables as DRL. */
	record Translation(String drl) {
	}

	private final String path;

	private final List<List<String>> lines;

	private final Set<String> reasonCodes;

	private final Map<String, Class<?>> imports = new LinkedHashMap<>();

	private DecisionTableLookup(RuleFile table, Set<String> reasonCodes) {
		this.path = table.path();
		CsvLineParser parser = new CsvLineParser();
		this.lines = Arrays.stream(table.text().split("\r\n|\r|\n", -1))
			.map((line) -> parser.parse(line).stream().map(String::strip).toList())
			.toList();
		this.reasonCodes = reasonCodes;
	}

	/** The table's tables as lookups, or empty when none can be. */
	static Optional<Translation> of(RuleFile table, Set<String> reasonCodes) {
		if (!table.path().endsWith(".drl.csv")) {
			return Optional.empty();
		}
		try {
			return new DecisionTableLookup(table, reasonCodes).translate();
		}
		catch (RuntimeException ex) {
			// whatever cannot be read here, Drools reads and reports
			return Optional.empty();
		}
	}

	private Optional<Translation> translate() {
		String packageName = null;
		List<String> importNames = new ArrayList<>();
		List<String> rules = new ArrayList<>();
		int i = 0;
		while (i < this.lines.size()) {
			List<String> cells = this.lines.get(i);
			String keyword = cells.isEmpty() ? "" : cells.get(0);
			if (keyword.startsWith(KEYWORD)) {
				int end = tableEnd(i);
				String rule = (packageName != null) ? rule(i, end) : null;
				if (rule == null) {
					// one table left to Drools leaves the file to it: its rules fire in
					// the file's order and its problems are reported as always
					return Optional.empty();
				}
				rules.add(rule);
				i = end;
				continue;
			}
			if (cells.stream().anyMatch((cell) -> cell.contains(KEYWORD))
					|| (!keyword.isEmpty() && !HEADER_KEYWORDS.contains(keyword))
					|| (keyword.isEmpty() && cells.stream().anyMatch((cell) -> !cell.isEmpty()))) {
				return Optional.empty();
			}
			if (keyword.equals("RuleSet")) {
				packageName = cells.get(1);
			}
			else if (keyword.equals("Import")) {
				importNames.addAll(Arrays.stream(cells.get(1).split(",")).map(String::strip).toList());
				importNames.forEach(this::importType);
			}
			i++;
		}
		if (rules.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder drl = new StringBuilder("package ").append(packageName).append(";\n");
		Set<String> types = new LinkedHashSet<>(importNames);
		types.addAll(List.of(DecisionTableRowFailure.class.getName(), BigDecimal.class.getName()));
		types.forEach((name) -> drl.append("import ").append(name).append(";\n"));
		rules.forEach(drl::append);
		return Optional.of(new Translation(drl.toString()));
	}

	private void importType(String name) {
		try {
			Class<?> type = Class.forName(name, false, DecisionTableLookup.class.getClassLoader());
			this.imports.put(type.getSimpleName(), type);
		}
		catch (ClassNotFoundException ex) {
			// a type no lookup can read: a table naming it stays with Drools
		}
	}

	/** The line after the table's last row: a line without any cell ends a table. */
	private int tableEnd(int start) {
		int end = start + 1;
		while (end < this.lines.size() && this.lines.get(end).stream().anyMatch((cell) -> !cell.isEmpty())) {
			end++;
		}
		return end;
	}

	/** The table from its keyword line to before {@code end} as one rule, or null. */
	private String rule(int start, int end) {
		String name = this.lines.get(start).get(0).substring(KEYWORD.length()).strip();
		if (name.isEmpty() || name.contains("\"") || name.contains("\\") || end - start < 6) {
			return null;
		}
		List<String> kinds = this.lines.get(start + 1);
		List<String> headers = this.lines.get(start + 2);
		List<String> snippets = this.lines.get(start + 3);
		List<List<String>> rows = this.lines.subList(start + 5, end);
		if (rows.stream().anyMatch((row) -> row.size() > kinds.size())) {
			return null;
		}
		LookupColumns columns = new LookupColumns(this.imports, this.reasonCodes);
		for (int column = 0; column < kinds.size(); column++) {
			if (!columns.add(column, kinds.get(column), LookupColumns.cell(headers, column),
					LookupColumns.cell(snippets, column), rows)) {
				return null;
			}
		}
		if (!columns.complete()) {
			return null;
		}
		StringBuilder rule = new StringBuilder("\nrule \"").append(name).append("\"\n");
		rule.append("\t@").append(TABLE_ROWS).append('(').append(rows.size()).append(")\n");
		rule.append("\tagenda-group \"").append(columns.stage()).append("\"\n\twhen\n");
		columns.patterns().forEach((type, pattern) -> rule.append("\t\t").append(pattern.lhs(type)).append('\n'));
		rule.append("\tthen\n");
		for (int r = 0; r < rows.size(); r++) {
			int line = start + 5 + r + 1;
			String body = columns.row(rows.get(r), name + "_" + line);
			if (body == null) {
				return null;
			}
			rule.append("\t\tif (").append(columns.test(rows.get(r))).append(") {\n\t\t\ttry {\n");
			rule.append(body);
			rule.append("\t\t\t\t$sheet.fired(\"").append(name).append('_').append(line).append("\");\n");
			rule.append("\t\t\t}\n\t\t\tcatch (RuntimeException ex) {\n");
			rule.append("\t\t\t\tthrow new DecisionTableRowFailure(\"")
				.append(name)
				.append('_')
				.append(line)
				.append("\", ")
				.append(line)
				.append(", ex);\n");
			rule.append("\t\t\t}\n\t\t}\n");
		}
		return rule.append("end\n").toString();
	}

}
