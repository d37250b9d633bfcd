package org.creditflow.scorecard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.lang.Nullable;

/**
 * What to fit, from a YAML file: the target column (1 bad, 0 good), an optional segment
 * column (one scorecard per value), the share kept out of fitting, the seed, the
 * characteristics with their type, and optionally the smallest bin share, the information
 * value and significance a characteristic needs to enter the scorecard, and a column of
 * true PDs (a synthetic history's {@code truePd}) to check the fitted PDs against.
 */
record ScorecardSpec(String target, @Nullable String segment, double holdout, long seed, double minBinShare,
		double minInformationValue, double significanceLevel, List<Characteristic> characteristics,
		@Nullable String truePd) {

	/** How a characteristic is binned. */
	enum Type {

		/** ordinal: ranges with a monotone bad rate */
		NUMERIC,
		/** codes without an order: one bin per code, small ones pooled */
		CATEGORICAL

	}

	/**
	 * @param reasonCode the reason code a decision table gives when this characteristic
	 * costs an applicant points (optional)
	 */
	record Characteristic(String name, Type type, @Nullable String reasonCode) {

		Characteristic(String name, Type type) {
			this(name, type, null);
		}

	}

	/** Each bin holds at least 5 % of the rows, the common rule. */
	static final double DEFAULT_MIN_BIN_SHARE = 0.05;

	/**
	 * Below an information value of 0.02 a characteristic is not predictive (Siddiqi's
	 * scale: 0.02 weak, 0.1 medium, 0.3 strong).
	 */
	static final double DEFAULT_MIN_INFORMATION_VALUE = 0.02;

	/**
	 * A characteristic enters only when its bins' bad rates differ at this level of the
	 * chi-square test ({@link BinSignificance}); 1 lets in whatever passes the
	 * information value cut.
	 */
	static final double DEFAULT_SIGNIFICANCE_LEVEL = 0.05;

	/** A spec that cannot be used, with everything wrong with it. */
	static final class InvalidSpecException extends RuntimeException {

		InvalidSpecException(List<String> problems) {
			super(String.join("\n", problems));
		}

	}

	static ScorecardSpec read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (!(document instanceof Map<?, ?> map)) {
				throw new InvalidSpecException(
						List.of(file + " must be a YAML mapping (target:, characteristics:, ...)"));
			}
			return of(map);
		}
	}

	static ScorecardSpec of(Map<?, ?> spec) {
		List<String> problems = new ArrayList<>();
		Set<Object> known = Set.of("target", "segment", "holdout", "seed", "minBinShare", "minInformationValue",
				"significanceLevel", "characteristics", "truePd");
		spec.keySet()
			.stream()
			.filter((key) -> !known.contains(key))
			.forEach((key) -> problems.add(key + " is unknown"));
		String target = text(spec.get("target"), "target", true, problems);
		String segment = text(spec.get("segment"), "segment", false, problems);
		double holdout = number(spec.get("holdout"), "holdout", 0.3, problems);
		if (!(holdout >= 0 && holdout < 1)) {
			problems.add("holdout must be at least 0 and below 1, not " + holdout);
		}
		double seed = number(spec.get("seed"), "seed", 1, problems);
		double minBinShare = number(spec.get("minBinShare"), "minBinShare", DEFAULT_MIN_BIN_SHARE, problems);
		if (!(minBinShare > 0 && minBinShare <= 0.5)) {
			problems.add("minBinShare must be above 0 and at most 0.5, not " + minBinShare);
		}
		double minIv = number(spec.get("minInformationValue"), "minInformationValue", DEFAULT_MIN_INFORMATION_VALUE,
				problems);
		double significance = number(spec.get("significanceLevel"), "significanceLevel", DEFAULT_SIGNIFICANCE_LEVEL,
				problems);
		if (!(significance > 0 && significance <= 1)) {
			problems.add("significanceLevel must be above 0 and at most 1, not " + significance);
		}
		List<Characteristic> characteristics = characteristics(spec.get("characteristics"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidSpecException(problems);
		}
		return new ScorecardSpec(target, segment, holdout, (long) seed, minBinShare, minIv, significance,
				characteristics, text(spec.get("truePd"), "truePd", false, problems));
	}

	private static List<Characteristic> characteristics(@Nullable Object value, List<String> problems) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("characteristics must list at least one {name: ..., type: numeric|categorical}");
			return List.of();
		}
		List<Characteristic> characteristics = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String where = "characteristics[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> entry)) {
				problems.add(where + " must be {name: ..., type: numeric|categorical}");
				continue;
			}
			String name = text(entry.get("name"), where + ".name", true, problems);
			String type = text(entry.get("type"), where + ".type", true, problems);
			String reasonCode = text(entry.get("reasonCode"), where + ".reasonCode", false, problems);
			if (reasonCode != null && !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
				problems.add(where + ".reasonCode must be upper case letters, digits and _, not " + reasonCode);
			}
			entry.keySet()
				.stream()
				.filter((key) -> !Set.of("name", "type", "reasonCode").contains(key))
				.forEach((key) -> problems.add(where + "." + key + " is unknown"));
			Type parsed = null;
			if (type != null) {
				try {
					parsed = Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problems.add(where + ".type must be numeric or categorical, not " + type);
				}
			}
			if (name != null && !names.add(name)) {
				problems.add(where + ".name " + name + " is listed twice");
			}
			if (name != null && parsed != null) {
				characteristics.add(new Characteristic(name, parsed, reasonCode));
			}
		}
		return characteristics;
	}

	@Nullable
	private static String text(@Nullable Object value, String name, boolean required, List<String> problems) {
		if (value == null || value.toString().isBlank()) {
			if (required) {
				problems.add(name + " is required");
			}
			return null;
		}
		return value.toString();
	}

	private static double number(@Nullable Object value, String name, double fallback, List<String> problems) {
		if (value == null) {
			return fallback;
		}
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		problems.add(name + " must be a number, not " + value);
		return fallback;
	}

}
