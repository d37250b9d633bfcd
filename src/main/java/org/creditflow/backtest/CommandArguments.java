package org.creditflow.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name value} arguments of a command line, checked against the names the
 * command knows; every problem is named at once. A name given twice keeps its last value
 * for {@link #get}, and all of them for {@link #all}.
 */
public final class CommandArguments {

	/** A command line that cannot be run, with everything wrong with it. */
	public static final class UsageException extends RuntimeException {

		public UsageException(String message) {
			super(message);
		}

	}

	private final Map<String, List<String>> values = new LinkedHashMap<>();

	public CommandArguments(List<String> arguments, Set<String> known, Set<String> required) {
		StringBuilder problems = new StringBuilder();
		for (int i = 0; i < arguments.size(); i++) {
			String name = arguments.get(i);
			if (!name.startsWith("--") || !known.contains(name.substring(2))) {
				problems.append("\n  unknown argument ").append(name);
			}
			else if (i + 1 >= arguments.size() || arguments.get(i + 1).startsWith("--")) {
				problems.append("\n  ").append(name).append(" needs a value");
			}
			else {
				this.values.computeIfAbsent(name.substring(2), (key) -> new ArrayList<>()).add(arguments.get(++i));
			}
		}
		for (String name : required) {
			if (!this.values.containsKey(name)) {
				problems.append("\n  --").append(name).append(" is required");
			}
		}
		if (!problems.isEmpty()) {
			throw new UsageException(problems.toString().replace("\n  ", "\n").substring(1));
		}
	}

	public Optional<String> get(String name) {
		List<String> given = this.values.getOrDefault(name, List.of());
		return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
	}

	/** Every value given for the name, in order; empty when none. */
	public List<String> all(String name) {
		return List.copyOf(this.values.getOrDefault(name, List.of()));
	}

	public String require(String name) {
		return get(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
	}

	public long whole(String name, long fallback, long min, long max) {
		String value = get(name).orElse(null);
		if (value == null) {
			return fallback;
		}
		try {
			long number = Long.parseLong(value.replace("_", ""));
			if (number < min || number > max) {
				throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a whole number, not " + value);
		}
	}

	public double fraction(String name, double fallback) {
		String value = get(name).orElse(null);
		if (value == null) {
			return fallback;
		}
		try {
			double number = Double.parseDouble(value);
			if (!(number >= 0 && number <= 1)) {
				throw new UsageException("--" + name + " must be between 0 and 1, not " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a number between 0 and 1, not " + value);
		}
	}

}
