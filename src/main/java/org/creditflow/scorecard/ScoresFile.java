package org.creditflow.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.creditflow.backtest.CsvCells;

/**
 * A {@code scores.csv} as the scorecard command writes it — {@code row} (1-based input
 * row), {@code segment}, {@code partition} ({@code train} or {@code holdout}),
 * {@code score}, {@code pd}, then the target (1 bad, 0 good) — held by input row, in
 * whatever order the lines come.
 */
final class ScoresFile {

	static final List<String> COLUMNS = List.of("row", "segment", "partition", "score", "pd");

	final Path file;

	/** The target column's name, as the spec called it. */
	final String target;

	final String[] segment;

	final boolean[] holdout;

	final int[] score;

	final boolean[] bad;

	private ScoresFile(Path file, String target, int rows) {
		this.file = file;
		this.target = target;
		this.segment = new String[rows];
		this.holdout = new boolean[rows];
		this.score = new int[rows];
		this.bad = new boolean[rows];
	}

	int rows() {
		return this.bad.length;
	}

	/**
	 * @throws InvalidComparisonException at the first line that is not as the scorecard
	 * command writes it, or when a row is missing or repeated
	 */
	static ScoresFile read(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
		}
		List<String> header = lines.isEmpty() ? List.of() : CsvCells.of(lines.get(0));
		if (header.size() != COLUMNS.size() + 1 || !header.subList(0, COLUMNS.size()).equals(COLUMNS)) {
			throw new InvalidComparisonException(file + " is not a scores.csv of the scorecard command: its header is "
					+ "not row,segment,partition,score,pd,<target>");
		}
		ScoresFile scores = new ScoresFile(file, header.get(COLUMNS.size()), lines.size() - 1);
		boolean[] seen = new boolean[scores.rows()];
		for (int line = 1; line < lines.size(); line++) {
			List<String> cells = CsvCells.of(lines.get(line));
			if (cells.size() != header.size()) {
				throw problem(file, line, "has " + cells.size() + " cells, not " + header.size());
			}
			int row = whole(file, line, "row", cells.get(0)) - 1;
			if (row < 0 || row >= scores.rows()) {
				throw problem(file, line, "row " + cells.get(0) + " is outside 1 to " + scores.rows()
						+ ", the number of rows in the file");
			}
			if (seen[row]) {
				throw problem(file, line, "row " + (row + 1) + " appears a second time");
			}
			seen[row] = true;
			scores.segment[row] = cells.get(1);
			scores.holdout[row] = switch (cells.get(2)) {
				case "holdout" -> true;
				case "train" -> false;
				default -> throw problem(file, line, "partition '" + cells.get(2) + "' is not train or holdout");
			};
			scores.score[row] = whole(file, line, "score", cells.get(3));
			scores.bad[row] = switch (cells.get(5)) {
				case "1" -> true;
				case "0" -> false;
				default ->
					throw problem(file, line, scores.target + " '" + cells.get(5) + "' is not 1 (bad) or 0 (good)");
			};
		}
		if (scores.rows() == 0) {
			throw new InvalidComparisonException(file + " has a header but no rows");
		}
		return scores;
	}

	private static int whole(Path file, int line, String column, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw problem(file, line, column + " '" + value + "' is not a whole number");
		}
	}

	private static InvalidComparisonException problem(Path file, int line, String problem) {
		return new InvalidComparisonException(file + ", line " + (line + 1) + ": " + problem);
	}

}
