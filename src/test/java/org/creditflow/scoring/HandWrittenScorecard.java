package org.creditflow.scoring;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Policy;

/**
 * The segment, score, PD and grade of the default ruleset written by hand in Java, with
 * the bins and points read from the scorecard table ({@code credit/scorecards.drl.csv})
 * and the scale from the policy: the baseline a rules engine is compared with.
 */
final class HandWrittenScorecard {

	private final List<Bin> bins = new ArrayList<>();

	private final Policy policy;

	HandWrittenScorecard(List<RuleFile> files, Policy policy) {
		this.policy = policy;
		RuleFile table = files.stream()
			.filter((file) -> file.path().equals("credit/scorecards.drl.csv"))
			.findFirst()
			.orElseThrow();
		String segment = null;
		Method characteristic = null;
		Class<?> factType = null;
		List<String> columns = List.of();
		for (String line : new String(table.content(), StandardCharsets.UTF_8).split("\\R")) {
			if (line.startsWith("RuleTable Scorecard ")) {
				String[] words = line.split(" ");
				segment = words[2];
				String[] fact = words[3].split("\\.");
				factType = typeOf(fact[0]);
				characteristic = accessor(factType, fact[1]);
			}
			else if (line.startsWith("Stage,")) {
				columns = List.of(line.split(",", -1));
			}
			else if (line.startsWith("scorecard,")) {
				String[] cells = line.split(",", -1);
				int noValue = columns.indexOf("no value");
				this.bins.add(new Bin(segment, factType, characteristic, bound(cells[2], Double.NEGATIVE_INFINITY),
						bound(cells[3], Double.POSITIVE_INFINITY), noValue >= 0 && cells[noValue].equals("null"),
						Integer.parseInt(cells[columns.indexOf("Points")])));
			}
		}
	}

	Result score(Collection<?> facts) {
		FinancialProfile financial = find(facts, FinancialProfile.class);
		TelecomProfile telecom = find(facts, TelecomProfile.class);
		if (financial == null) {
			return new Result(null, null, null, null);
		}
		String segment = (telecom == null) ? "FINANCIAL_ONLY" : financial.thinFile() ? "THIN_FILE" : "FULL_FILE";
		int points = 0;
		for (Bin bin : this.bins) {
			if (bin.segment.equals(segment)) {
				Object fact = find(facts, bin.factType);
				if (fact != null && bin.holds(bin.value(fact))) {
					points += bin.points;
				}
			}
		}
		int score = Math.max(1, Math.min(1000, points));
		double pd = this.policy.risk().pdOf(score, this.policy.scoreBase());
		return new Result(segment, score, pd, this.policy.risk().gradeOf(pd));
	}

	private static <T> T find(Collection<?> facts, Class<T> type) {
		for (Object fact : facts) {
			if (type.isInstance(fact)) {
				return type.cast(fact);
			}
		}
		return null;
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

	private static Method accessor(Class<?> type, String property) {
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

	record Result(String segment, Integer score, Double pd, String grade) {
	}

	private record Bin(String segment, Class<?> factType, Method characteristic, double from, double below,
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
