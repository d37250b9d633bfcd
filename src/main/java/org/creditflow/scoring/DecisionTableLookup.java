package org.creditflow.scoring;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern CONDITION = Pattern
		.compile("(?:(\\w+)\\s*!=\\s*null\\s*,\\s*)?(\\w+)\\s*(==|>=|<=|>|<)\\s*(\"?)\\$param\\4");

	private static final Pattern POINTS = Pattern
		.compile("\\$sheet\\.(financialPoints|telecomPoints)\\(\\s*drools\\.getRule\\(\\)\\s*,\\s*\\$param\\s*\\);");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]+");

	private static final Pattern PATTERN_HEADER = Pattern.compile("(?:(\\$\\w+)\\s*:\\s*)?(\\w+)");

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

	private static String cell(List<String> cells, int column) {
		return (column < cells.size()) ? cells.get(column) : "";
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
		Columns columns = new Columns();
		for (int column = 0; column < kinds.size(); column++) {
			if (!columns.add(column, kinds.get(column), cell(headers, column), cell(snippets, column), rows)) {
				return null;
			}
		}
		if (!columns.complete()) {
			return null;
		}
		StringBuilder rule = new StringBuilder("\nrule \"").append(name).append("\"\n");
		rule.append("\t@").append(TABLE_ROWS).append('(').append(rows.size()).append(")\n");
		rule.append("\tagenda-group \"").append(columns.stage).append("\"\n\twhen\n");
		columns.patterns.forEach((type, pattern) -> rule.append("\t\t").append(pattern.lhs(type)).append('\n'));
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

	/** One fact's pattern: what every row tests in it, and the values the rows test. */
	private static final class FactPattern {

		String binding;

		final List<String> constraints = new ArrayList<>();

		/** The variable each tested property is bound to. */
		final Map<String, String> values = new LinkedHashMap<>();

		String lhs(String type) {
			return ((this.binding != null) ? this.binding + " : " : "") + type + "("
					+ String.join(", ", this.constraints) + ")";
		}

	}

	/** What a table's columns ask of each row. */
	private final class Columns {

		String stage;

		int stageColumn = -1;

		final Map<String, FactPattern> patterns = new LinkedHashMap<>();

		/** Condition columns tested per row: column, the value's variable, the test. */
		final List<Object[]> tests = new ArrayList<>();

		/** Condition columns by the pattern header they belong to. */
		final Map<String, List<Integer>> groups = new LinkedHashMap<>();

		final List<Object[]> actions = new ArrayList<>();

		String pointsMethod;

		int pointsColumn = -1;

		int reasonColumn = -1;

		int belowBestColumn = -1;

		boolean add(int column, String kind, String header, String snippet, List<List<String>> rows) {
			List<String> cells = rows.stream().map((row) -> cell(row, column)).toList();
			if (cells.stream().anyMatch((cell) -> cell.endsWith("..."))) {
				return false;
			}
			switch (kind) {
				case "AGENDA-GROUP" -> {
					if (this.stageColumn >= 0 || cells.stream().distinct().count() != 1
							|| !Ruleset.STAGES.contains(cells.get(0))) {
						return false;
					}
					this.stageColumn = column;
					this.stage = cells.get(0);
					return true;
				}
				case "CONDITION" -> {
					return condition(column, header, snippet, cells);
				}
				case "ACTION" -> {
					return action(column, header, snippet, cells);
				}
				case "METADATA" -> {
					if (snippet.equals("reasonCode(\"$param\")") && this.reasonColumn < 0) {
						this.reasonColumn = column;
						return cells.stream()
							.allMatch((cell) -> CODE.matcher(cell).matches()
									&& DecisionTableLookup.this.reasonCodes.contains(cell));
					}
					if (snippet.equals("pointsBelowBest($param)") && this.belowBestColumn < 0) {
						this.belowBestColumn = column;
						return cells.stream().allMatch((cell) -> WHOLE.matcher(cell).matches());
					}
					return false;
				}
				case "" -> {
					return header.isEmpty() && snippet.isEmpty() && cells.stream().allMatch(String::isEmpty);
				}
				default -> {
					return false;
				}
			}
		}

		private boolean condition(int column, String header, String snippet, List<String> cells) {
			Matcher pattern = PATTERN_HEADER.matcher(header);
			Matcher test = CONDITION.matcher(snippet);
			if (!pattern.matches() || !test.matches() || (test.group(1) != null && !test.group(1).equals(test.group(2)))
					|| !DecisionTableLookup.this.imports.containsKey(pattern.group(2))) {
				return false;
			}
			String type = pattern.group(2);
			Class<?> valueType = valueType(DecisionTableLookup.this.imports.get(type), test.group(2));
			String operator = test.group(3);
			boolean quoted = !test.group(4).isEmpty();
			boolean valid;
			if (quoted) {
				valid = valueType == String.class && operator.equals("==") && cells.stream()
					.allMatch((cell) -> !cell.contains("\"") && !cell.contains("\\") && !cell.contains("$"));
			}
			else if (operator.equals("==")) {
				valid = valueType != null && !valueType.isPrimitive()
						&& cells.stream().allMatch((cell) -> cell.isEmpty() || cell.equals("null"));
			}
			else {
				valid = numeric(valueType)
						&& cells.stream().allMatch((cell) -> cell.isEmpty() || NUMBER.matcher(cell).matches());
			}
			if (!valid) {
				return false;
			}
			FactPattern fact = this.patterns.computeIfAbsent(type, (key) -> new FactPattern());
			if (pattern.group(1) != null) {
				if (fact.binding != null && !fact.binding.equals(pattern.group(1))) {
					return false;
				}
				fact.binding = pattern.group(1);
			}
			this.groups.computeIfAbsent(header, (key) -> new ArrayList<>()).add(column);
			if (cells.stream().distinct().count() == 1 && !cells.get(0).isEmpty()) {
				// the same for every row: the pattern tests it, as the row's rule did
				fact.constraints.add(snippet.replace("$param", cells.get(0)));
				return true;
			}
			String variable = fact.values.computeIfAbsent(test.group(2), (property) -> {
				String bound = "$value" + this.tests.size();
				fact.constraints.add(bound + " : " + property);
				return bound;
			});
			this.tests.add(new Object[] { column, variable, operator, quoted, valueType });
			return true;
		}

		private boolean action(int column, String header, String snippet, List<String> cells) {
			if (!header.isEmpty() || !snippet.contains("$param") || snippet.matches("(?s).*\\$\\d.*")) {
				return false;
			}
			Matcher points = POINTS.matcher(snippet);
			if (points.matches()) {
				if (this.pointsColumn >= 0) {
					return false;
				}
				this.pointsColumn = column;
				this.pointsMethod = points.group(1);
				return cells.stream().allMatch((cell) -> WHOLE.matcher(cell).matches());
			}
			if (snippet.contains("drools") || snippet.contains("kcontext")) {
				return false;
			}
			this.actions.add(new Object[] { column, snippet });
			return true;
		}

		/**
		 * Whether the columns make a lookup: a stage, the scoresheet bound as
		 * {@code $sheet}, and a scorecard's points only with both metadata.
		 */
		boolean complete() {
			FactPattern sheet = this.patterns.get("Scoresheet");
			boolean scorecard = this.pointsColumn >= 0;
			return this.stage != null && sheet != null && "$sheet".equals(sheet.binding)
					&& scorecard == (this.reasonColumn >= 0) && scorecard == (this.belowBestColumn >= 0);
		}

		/** The Java test of a row's cells that vary, on the values the patterns bound. */
		String test(List<String> row) {
			List<String> terms = new ArrayList<>();
			for (Object[] test : this.tests) {
				String cell = cell(row, (int) test[0]);
				if (cell.isEmpty()) {
					continue;
				}
				String variable = (String) test[1];
				String operator = (String) test[2];
				if ((boolean) test[3]) {
					terms.add("\"" + cell + "\".equals(" + variable + ")");
				}
				else if (cell.equals("null")) {
					terms.add(variable + " == null");
				}
				else {
					Class<?> type = (Class<?>) test[4];
					String known = type.isPrimitive() ? "" : variable + " != null && ";
					if (type == BigDecimal.class) {
						BigDecimal bound = new BigDecimal(cell);
						terms.add(known + variable + ".compareTo(BigDecimal.valueOf(" + bound.unscaledValue() + "L, "
								+ bound.scale() + ")) " + operator + " 0");
					}
					else {
						terms.add(known + variable + " " + operator + " " + (cell.contains(".") ? cell : cell + "L"));
					}
				}
			}
			return terms.isEmpty() ? "true" : String.join(" && ", terms);
		}

		/**
		 * What a row does, or null when a row leaves a pattern without any test: Drools
		 * would then leave the pattern out of the row's rule.
		 */
		String row(List<String> row, String ruleName) {
			for (List<Integer> group : this.groups.values()) {
				if (group.stream().allMatch((column) -> cell(row, column).isEmpty())) {
					return null;
				}
			}
			StringBuilder body = new StringBuilder();
			for (int column = 0; column < row.size() || column <= this.pointsColumn; column++) {
				if (column == this.pointsColumn) {
					body.append("\t\t\t\t$sheet.")
						.append(this.pointsMethod)
						.append("(\"")
						.append(ruleName)
						.append("\", ")
						.append(cell(row, column))
						.append(", \"")
						.append(cell(row, this.reasonColumn))
						.append("\", ")
						.append(cell(row, this.belowBestColumn))
						.append(");\n");
				}
				for (Object[] action : this.actions) {
					String cell = cell(row, column);
					if ((int) action[0] == column && !cell.isEmpty()) {
						body.append("\t\t\t\t").append(((String) action[1]).replace("$param", cell)).append('\n');
					}
				}
			}
			return body.toString();
		}

	}

	/** Numbers a rule compares: primitives, their boxes, and BigDecimal. */
	private static final Set<Class<?>> NUMBERS = Set.of(int.class, long.class, double.class, float.class, short.class,
			byte.class, Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class,
			BigDecimal.class);

	private static boolean numeric(Class<?> type) {
		return type != null && NUMBERS.contains(type);
	}

	/** The type of a property as a constraint names it, or null without one. */
	private static Class<?> valueType(Class<?> fact, String property) {
		String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
		for (String accessor : List.of(property, "get" + capitalized, "is" + capitalized)) {
			try {
				Method method = fact.getMethod(accessor);
				return method.getReturnType();
			}
			catch (NoSuchMethodException ex) {
				// the next way of naming it
			}
		}
		return null;
	}

}
