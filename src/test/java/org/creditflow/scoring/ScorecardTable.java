package org.creditflow.scoring;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bins and points of the scorecard table ({@code credit/scorecards.drl.csv}) as the
 * benchmarks' other implementations of the scorecard read them, so the hand-written Java
 * and the DMN decision tables score with the very numbers the rules do.
 */
final class ScorecardTable {

	static final String PATH = "credit/scorecards.drl.csv";

	private ScorecardTable() {
	}

	static List<Bin> bins(List<RuleFile> files) {
		RuleFile table = files.stream().filter((file) -> file.path().equals(PATH)).findFirst().orElseThrow();
		List<Bin> bins = new ArrayList<>();
		String segment = null;
		Class<?> factType = null;
		String property = null;
		List<String> columns = List.of();
		for (String line : new String(table.content(), StandardCharsets.UTF_8).split("\\R")) {
			if (line.startsWith("RuleTable Scorecard ")) {
				String[] words = line.split(" ");
				segment = words[2];
				String[] fact = words[3].split("\\.");
				factType = typeOf(fact[0]);
				property = fact[1];
			}
			else if (line.startsWith("Stage,")) {
				columns = List.of(line.split(",", -1));
			}
			else if (line.startsWith("scorecard,")) {
				String[] cells = line.split(",", -1);
				int noValue = columns.indexOf("no value");
				bins.add(new Bin(segment, factType, property, accessor(factType, property),
						bound(cells[2], Double.NEGATIVE_INFINITY), bound(cells[3], Double.POSITIVE_INFINITY),
						noValue >= 0 && cells[noValue].equals("null"),
						Integer.parseInt(cells[columns.indexOf("Points")])));
			}
		}
		return bins;
	}

	private static double bound(String cell, double open) {
		return cell.isBlank() ? open : Double.parseDouble(cell);
	}

	private static Class<?> typeOf(String simpleName) {
		for (String packageName : List.of("org.creditflow.mydata.", "org.creditflow.scoring.facts.")) {
			try {
				return Class.forName(packageName + simpleName);
			}
			catch (ClassNotFoundException ex) {
				// the next package
			}
		}
		throw new IllegalArgumentException("No fact type " + simpleName);
	}

	static Method accessor(Class<?> type, String property) {
		for (String name : List.of(property, "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1),
				"is" + Character.toUpperCase(property.charAt(0)) + property.substring(1))) {
			try {
				return type.getMethod(name);
			}
			catch (NoSuchMethodException ex) {
				// the next spelling
			}
		}
		throw new IllegalArgumentException("No property " + property + " on " + type.getSimpleName());
	}

	/**
	 * One row of the table: in {@code segment}, a {@code characteristic} from
	 * {@code from} (inclusive) to {@code below} (exclusive), or without a value when
	 * {@code noValue}, is worth {@code points}.
	 */
	record Bin(String segment, Class<?> factType, String property, Method characteristic, double from, double below,
			boolean noValue, int points) {

		boolean holds(Number value) {
			if (value == null) {
				return this.noValue;
			}
			return !this.noValue && value.doubleValue() >= this.from && value.doubleValue() < this.below;
		}

		Number value(Object fact) {
			try {
				return (Number) this.characteristic.invoke(fact);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
