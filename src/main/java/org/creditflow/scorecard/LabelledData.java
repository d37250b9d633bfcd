package org.creditflow.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.creditflow.backtest.CsvCells;

import org.springframework.lang.Nullable;

/**
 * The columns of a labelled CSV a spec names, held by column: the target, the segment,
 * and each characteristic as numbers (NaN where missing) or codes (null where missing).
 * An empty cell or {@code NA} is missing. Every problem is named with its row and column;
 * the first 100 are kept.
 */
final class LabelledData {

	static final int PROBLEMS_SHOWN = 100;

	/** The segment of every row when the spec names none. */
	static final String ALL = "ALL";

	/** A file that does not fit the spec, with what is wrong. */
	static final class InvalidDataException extends RuntimeException {

		InvalidDataException(List<String> problems, long rowsWithProblems) {
			super(String.join("\n", problems)
					+ ((rowsWithProblems > 0) ? "\n" + rowsWithProblems + " rows have problems" : ""));
		}

	}

	final boolean[] bad;

	final String[] segment;

	/**
	 * The probability of default each row was drawn with; null unless the spec names it.
	 */
	@Nullable
	double[] truePd;

	final Map<String, double[]> numeric = new HashMap<>();

	final Map<String, String[]> categorical = new HashMap<>();

	private LabelledData(int rows) {
		this.bad = new boolean[rows];
		this.segment = new String[rows];
	}

	int rows() {
		return this.bad.length;
	}

	/**
	 * Reads the file twice, never holding its lines: once to count the rows, once to fill
	 * the columns.
	 */
	static LabelledData read(Path file, ScorecardSpec spec) throws IOException {
		int rows = 0;
		try (BufferedReader reader = open(file)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				rows += line.isBlank() ? 0 : 1;
			}
		}
		try (BufferedReader reader = open(file)) {
			return parse(reader.lines().filter((line) -> !line.isBlank()).iterator(), Math.max(0, rows - 1), spec);
		}
	}

	static LabelledData parse(List<String> lines, ScorecardSpec spec) {
		return parse(lines.iterator(), Math.max(0, lines.size() - 1), spec);
	}

	private static BufferedReader open(Path file) throws IOException {
		return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 20);
	}

	private static LabelledData parse(Iterator<String> lines, int rows, ScorecardSpec spec) {
		List<String> problems = new ArrayList<>();
		if (!lines.hasNext()) {
			throw new InvalidDataException(List.of("the file is empty; it needs a header row"), 0);
		}
		String first = lines.next();
		String headerLine = first.startsWith("\uFEFF") ? first.substring(1) : first;
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = CsvCells.of(headerLine);
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).trim(), i);
		}
		List<String> needed = new ArrayList<>();
		needed.add(spec.target());
		if (spec.segment() != null) {
			needed.add(spec.segment());
		}
		if (spec.truePd() != null) {
			needed.add(spec.truePd());
		}
		spec.characteristics().forEach((characteristic) -> needed.add(characteristic.name()));
		needed.stream()
			.filter((name) -> !columns.containsKey(name))
			.forEach((name) -> problems.add("column " + name + " is missing"));
		if (!problems.isEmpty()) {
			throw new InvalidDataException(problems, 0);
		}
		LabelledData data = new LabelledData(rows);
		if (spec.truePd() != null) {
			data.truePd = new double[rows];
		}
		for (ScorecardSpec.Characteristic characteristic : spec.characteristics()) {
			if (characteristic.type() == ScorecardSpec.Type.NUMERIC) {
				data.numeric.put(characteristic.name(), new double[data.rows()]);
			}
			else {
				data.categorical.put(characteristic.name(), new String[data.rows()]);
			}
		}
		long rowsWithProblems = 0;
		for (int i = 0; i < data.rows(); i++) {
			List<String> cells = CsvCells.of(lines.next());
			int before = problems.size();
			boolean rowHasProblem = false;
			String target = cell(cells, columns.get(spec.target()));
			if ("1".equals(target) || "0".equals(target)) {
				data.bad[i] = "1".equals(target);
			}
			else {
				rowHasProblem = true;
				problem(problems, i + 1, spec.target(), "'" + target + "' is not 1 (bad) or 0 (good)");
			}
			data.segment[i] = (spec.segment() != null) ? cell(cells, columns.get(spec.segment())) : ALL;
			if (data.truePd != null) {
				String pd = cell(cells, columns.get(spec.truePd()));
				try {
					data.truePd[i] = Double.parseDouble(pd);
				}
				catch (NumberFormatException ex) {
					rowHasProblem = true;
					problem(problems, i + 1, spec.truePd(), "'" + pd + "' is not a probability");
				}
			}
			for (ScorecardSpec.Characteristic characteristic : spec.characteristics()) {
				String value = cell(cells, columns.get(characteristic.name()));
				boolean missing = value.isEmpty() || "NA".equals(value);
				if (characteristic.type() == ScorecardSpec.Type.CATEGORICAL) {
					data.categorical.get(characteristic.name())[i] = missing ? null : value;
					continue;
				}
				double number = Double.NaN;
				if (!missing) {
					try {
						number = Double.parseDouble(value);
					}
					catch (NumberFormatException ex) {
						rowHasProblem = true;
						problem(problems, i + 1, characteristic.name(), "'" + value + "' is not a number");
					}
				}
				data.numeric.get(characteristic.name())[i] = number;
			}
			if (rowHasProblem) {
				rowsWithProblems++;
			}
			if (problems.size() > PROBLEMS_SHOWN) {
				problems.subList(Math.max(before, PROBLEMS_SHOWN), problems.size()).clear();
			}
		}
		if (data.rows() == 0) {
			problems.add("the file has a header but no rows");
		}
		if (!problems.isEmpty()) {
			throw new InvalidDataException(problems, rowsWithProblems);
		}
		return data;
	}

	private static String cell(List<String> cells, @Nullable Integer index) {
		return (index == null || index >= cells.size()) ? "" : cells.get(index).trim();
	}

	private static void problem(List<String> problems, long row, String column, String problem) {
		problems.add("row " + row + ", " + column + ": " + problem);
	}

}
