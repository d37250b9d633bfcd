package org.creditflow.scoring;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the columns of one decision table ask of each row, read for a
 * {@link DecisionTableLookup}: the stage, the facts' patterns with what every row tests
 * in them, the tests that vary by row, the actions, and a scorecard's points with their
 * reason code and points below best. {@link #add} answers false for a column of any other
 * form, which leaves the table to Drools.
 */
final class LookupColumns {

	private static final Pattern CONDITION = Pattern
		.compile("(?:(\\w+)\\s*!=\\s*null\\s*,\\s*)?(\\w+)\\s*(==|>=|<=|>|<)\\s*(\"?)\\$param\\4");

	private static final Pattern POINTS = Pattern
		.compile("\\$sheet\\.(financialPoints|telecomPoints)\\(\\s*drools\\.getRule\\(\\)\\s*,\\s*\\$param\\s*\\);");

	private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

	private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]+");

	private static final Pattern PATTERN_HEADER = Pattern.compile("(?:(\\$\\w+)\\s*:\\s*)?(\\w+)");

	/** The fact types the file imports, by simple name. */
	private final Map<String, Class<?>> imports;

	/** The reason codes the ruleset knows. */
	private final Set<String> reasonCodes;

	LookupColumns(Map<String, Class<?>> imports, Set<String> reasonCodes) {
		this.imports = imports;
		this.reasonCodes = reasonCodes;
	}

	private String stage;

	int stageColumn = -1;

	private final Map<String, FactPattern> patterns = new LinkedHashMap<>();

	/** Condition columns whose cells differ between rows: each row tests them. */
	private final List<RowTest> tests = new ArrayList<>();

	/** Condition columns by the pattern header they belong to. */
	final Map<String, List<Integer>> groups = new LinkedHashMap<>();

	private final List<Action> actions = new ArrayList<>();

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
						.allMatch((cell) -> CODE.matcher(cell).matches() && this.reasonCodes.contains(cell));
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
				|| !this.imports.containsKey(pattern.group(2))) {
			return false;
		}
		String type = pattern.group(2);
		Class<?> valueType = valueType(this.imports.get(type), test.group(2));
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
		this.tests.add(new RowTest(column, variable, operator, quoted, valueType));
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
		this.actions.add(new Action(column, snippet));
		return true;
	}

	/**
	 * Whether the columns make a lookup: a stage, the scoresheet bound as {@code $sheet},
	 * and a scorecard's points only with both metadata.
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
		for (RowTest test : this.tests) {
			String cell = cell(row, test.column());
			if (cell.isEmpty()) {
				continue;
			}
			String variable = test.variable();
			String operator = test.operator();
			if (test.quoted()) {
				terms.add("\"" + cell + "\".equals(" + variable + ")");
			}
			else if (cell.equals("null")) {
				terms.add(variable + " == null");
			}
			else {
				Class<?> type = test.type();
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
	 * What a row does, or null when a row leaves a pattern without any test: Drools would
	 * then leave the pattern out of the row's rule.
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
			for (Action action : this.actions) {
				String cell = cell(row, column);
				if (action.column() == column && !cell.isEmpty()) {
					body.append("\t\t\t\t").append(action.snippet().replace("$param", cell)).append('\n');
				}
			}
		}
		return body.toString();
	}

	String stage() {
		return this.stage;
	}

	/** The facts' patterns, by type, in the order the columns name them. */
	Map<String, FactPattern> patterns() {
		return this.patterns;
	}

	static String cell(List<String> cells, int column) {
		return (column < cells.size()) ? cells.get(column) : "";
	}

	/**
	 * A condition column each row tests: the value's variable, the operator, the type.
	 */
	private record RowTest(int column, String variable, String operator, boolean quoted, Class<?> type) {
	}

	/** An action column: its snippet, with the row's cell for {@code $param}. */
	private record Action(int column, String snippet) {
	}

	/** One fact's pattern: what every row tests in it, and the values the rows test. */
	static final class FactPattern {

		String binding;

		final List<String> constraints = new ArrayList<>();

		/** The variable each tested property is bound to. */
		final Map<String, String> values = new LinkedHashMap<>();

		String lhs(String type) {
			return ((this.binding != null) ? this.binding + " : " : "") + type + "("
					+ String.join(", ", this.constraints) + ")";
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
