package org.creditflow.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.creditflow.backtest.CsvCells;

/**
 * The group of every input row that a comparison is broken down by: by default the
 * segment the baseline was fitted in, or any column of the input file the scores came
 * from ({@code history.csv:segment} splits thin from full files even when one scorecard
 * was fitted for all).
 */
final class RowGroups {

	/** How an empty cell of a grouping column is shown. */
	static final String EMPTY = "(empty)";

	/** Where the groups come from, as the output says it. */
	final String source;

	/** One per input row. */
	final String[] label;

	private RowGroups(String source, String[] label) {
		this.source = source;
		this.label = label;
	}

	static RowGroups fittedSegments(ScoresFile baseline) {
		return new RowGroups("the segments of " + baseline.file, baseline.segment.clone());
	}

	/**
	 * The column of a CSV with a header, one value per non-blank line as the scorecard
	 * command counts its input rows.
	 * @param fileAndColumn {@code FILE.csv:COLUMN}
	 * @param rows how many rows the scores have; the file must have as many
	 */
	static RowGroups column(String fileAndColumn, int rows) throws IOException {
		int colon = fileAndColumn.lastIndexOf(':');
		if (colon <= 0 || colon == fileAndColumn.length() - 1) {
			throw new InvalidComparisonException("--group must be FILE.csv:COLUMN, not " + fileAndColumn);
		}
		Path file = Path.of(fileAndColumn.substring(0, colon));
		String column = fileAndColumn.substring(colon + 1);
		List<String> labels = new ArrayList<>(rows);
		int index = -1;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				List<String> cells = CsvCells.of(line);
				if (index < 0) {
					index = header(cells, file, column);
					continue;
				}
				String value = (index < cells.size()) ? cells.get(index).trim() : "";
				labels.add(value.isEmpty() ? EMPTY : value);
			}
		}
		if (labels.size() != rows) {
			throw new InvalidComparisonException(String.format(Locale.ROOT,
					"%s has %,d rows and the scores %,d: it is not the file they were fitted on", file, labels.size(),
					rows));
		}
		return new RowGroups(fileAndColumn, labels.toArray(String[]::new));
	}

	private static int header(List<String> cells, Path file, String column) {
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).trim();
			if (name.equals(column) || (i == 0 && name.equals("\uFEFF" + column))) {
				return i;
			}
		}
		throw new InvalidComparisonException(file + " has no column " + column);
	}

}
