package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditflow.scoring.facts.FactProperties;

import org.springframework.lang.Nullable;

/**
 * How a ruleset's development sample spreads over its scorecards' own bins
 * ({@code credit/scorecards-development.csv}, written by the scorecard builder beside the
 * tables): per segment ten bands of the score and the bins of every characteristic, each
 * with its training rows. The stability monitoring compares each month's applicants with
 * it. A file of {@code segment,characteristic,bin,from,below,codes,missing,rows}; an
 * empty segment holds for every segment.
 */
public record DevelopmentSample(List<Distribution> distributions) {

	public static final String PATH = "credit/scorecards-development.csv";

	/** The characteristic name of the score's bands. */
	public static final String SCORE = "score";

	private static final List<String> HEADER = List.of("segment", "characteristic", "bin", "from", "below", "codes",
			"missing", "rows");

	public DevelopmentSample {
		distributions = List.copyOf(distributions);
	}

	/** The distribution of a characteristic (or {@link #SCORE}) in a segment. */
	public Optional<Distribution> of(@Nullable String segment, String characteristic) {
		return this.distributions.stream()
			.filter((distribution) -> distribution.characteristic().equals(characteristic)
					&& (distribution.segment().isEmpty() || distribution.segment().equals(segment)))
			.findFirst();
	}

	/** The segments it has distributions for; empty for one that holds for all. */
	public List<String> segments() {
		return this.distributions.stream().map(Distribution::segment).distinct().toList();
	}

	/**
	 * One characteristic's (or the score's) bins in one segment.
	 */
	public record Distribution(String segment, String characteristic, List<Bin> bins) {

		public Distribution {
			bins = List.copyOf(bins);
		}

		public long rows() {
			return this.bins.stream().mapToLong(Bin::rows).sum();
		}

		/**
		 * The bin of a value; -1 when none holds it (a code or a missing value the
		 * development sample never had).
		 */
		public int binOf(@Nullable Object value) {
			for (int i = 0; i < this.bins.size(); i++) {
				if (this.bins.get(i).holds(value)) {
					return i;
				}
			}
			return -1;
		}

		/** The characteristic's value among an assessment's facts. */
		@Nullable
		public Object valueAmong(List<Object> facts) {
			return FactProperties.named(this.characteristic).map((property) -> property.valueAmong(facts)).orElse(null);
		}

	}

	/**
	 * A range of numbers ({@code from} inclusive, {@code below} exclusive, null for an
	 * open end), a set of codes (as {@link FactProperties.Property#cell} writes them:
	 * flags 1 and 0), or the missing values.
	 */
	public record Bin(String label, @Nullable Double from, @Nullable Double below, List<String> codes, boolean missing,
			long rows) {

		public Bin {
			codes = List.copyOf(codes);
		}

		public boolean holds(@Nullable Object value) {
			if (value == null) {
				return this.missing;
			}
			if (this.missing) {
				return false;
			}
			if (!this.codes.isEmpty()) {
				return this.codes.contains(FactProperties.Property.cell(value));
			}
			if (!(value instanceof Number number)) {
				return false;
			}
			double x = number.doubleValue();
			return (this.from == null || x >= this.from) && (this.below == null || x < this.below);
		}

	}

	static DevelopmentSample parse(RuleFile file, List<RuleProblem> problems) {
		String[] lines = file.text().split("\r?\n");
		if (lines.length == 0 || !ReasonCodesFile.split(lines[0]).equals(HEADER)) {
			problems.add(new RuleProblem(file.path(), 1, "the first line must be: " + String.join(",", HEADER)));
			return new DevelopmentSample(List.of());
		}
		Map<List<String>, List<Bin>> bins = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			List<String> cells = ReasonCodesFile.split(lines[i]);
			if (cells.size() != HEADER.size()) {
				problems.add(new RuleProblem(file.path(), i + 1, "expected " + HEADER.size() + " values ("
						+ String.join(",", HEADER) + "), found " + cells.size()));
			}
			else if (!cells.get(1).equals(SCORE) && FactProperties.named(cells.get(1)).isEmpty()) {
				problems.add(new RuleProblem(file.path(), i + 1, cells.get(1)
						+ " is neither score nor a fact property (such as TelecomProfile.monthsOfTenure)"));
			}
			else {
				Bin bin = bin(cells, file.path(), i + 1, problems);
				if (bin != null) {
					bins.computeIfAbsent(List.of(cells.get(0), cells.get(1)), (key) -> new ArrayList<>()).add(bin);
				}
			}
		}
		List<Distribution> distributions = new ArrayList<>();
		bins.forEach((key, list) -> {
			if (list.stream().mapToLong(Bin::rows).sum() == 0) {
				problems.add(new RuleProblem(file.path(), 0,
						key.get(1) + " in segment " + key.get(0) + " has no development rows"));
			}
			distributions.add(new Distribution(key.get(0), key.get(1), list));
		});
		return new DevelopmentSample(distributions);
	}

	@Nullable
	private static Bin bin(List<String> cells, String path, int line, List<RuleProblem> problems) {
		try {
			Double from = number(cells.get(3));
			Double below = number(cells.get(4));
			List<String> codes = cells.get(5).isEmpty() ? List.of() : Arrays.asList(cells.get(5).split("\\|"));
			if (!cells.get(6).equals("true") && !cells.get(6).equals("false")) {
				problems.add(new RuleProblem(path, line, "missing must be true or false, not " + cells.get(6)));
				return null;
			}
			long rows = Long.parseLong(cells.get(7));
			if (rows < 0) {
				problems.add(new RuleProblem(path, line, "rows cannot be negative: " + rows));
				return null;
			}
			return new Bin(cells.get(2), from, below, codes, Boolean.parseBoolean(cells.get(6)), rows);
		}
		catch (NumberFormatException ex) {
			problems.add(new RuleProblem(path, line, "from, below and rows must be numbers: " + ex.getMessage()));
			return null;
		}
	}

	@Nullable
	private static Double number(String cell) {
		return cell.isEmpty() ? null : Double.valueOf(cell);
	}

}
