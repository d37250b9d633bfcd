package org.creditflow.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A lending-history file as a population to backtest on. It is checked whole before a
 * backtest starts, so a bad row is reported with every other problem instead of stopping
 * a run half-way; then it is read again, row by row.
 */
final class HistoryFile implements Backtest.Population {

	/** Problems listed; the rest are counted. */
	static final int PROBLEMS_SHOWN = 100;

	private static final int CHECK_BATCH = 4096;

	/**
	 * The outcome of a check: rows read, how many have problems, and the first problems.
	 */
	record Check(long rows, long rowsWithProblems, List<HistoryProblem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

		/** Every problem shown, one per line, and how many more there are. */
		String describe() {
			StringBuilder text = new StringBuilder();
			this.problems.forEach((problem) -> text.append(problem).append('\n'));
			if (this.rowsWithProblems > 0) {
				text.append(this.rowsWithProblems).append(" of ").append(this.rows).append(" rows have problems");
			}
			return text.toString().strip();
		}

	}

	private final Path file;

	HistoryFile(Path file) {
		this.file = file;
	}

	/**
	 * Reads every row and lists the first problems in row order. Rows are parsed in
	 * batches on every core, as a backtest would parse them.
	 */
	Check check() throws IOException {
		try (HistoryReader reader = open()) {
			List<HistoryProblem> shown = new ArrayList<>(reader.headerProblems());
			if (!shown.isEmpty()) {
				return new Check(0, 0, shown);
			}
			long rows = 0;
			long withProblems = 0;
			List<HistoryReader.Line> batch = new ArrayList<>(CHECK_BATCH);
			HistoryReader.Line line;
			do {
				line = reader.nextLine();
				if (line != null) {
					batch.add(line);
					rows++;
				}
				if (batch.size() == CHECK_BATCH || (line == null && !batch.isEmpty())) {
					List<List<HistoryProblem>> problems = batch.parallelStream()
						.map((unparsed) -> reader.parse(unparsed).problems())
						.toList();
					for (List<HistoryProblem> rowProblems : problems) {
						if (!rowProblems.isEmpty()) {
							withProblems++;
							rowProblems.stream().limit(PROBLEMS_SHOWN - shown.size()).forEach(shown::add);
						}
					}
					batch.clear();
				}
			}
			while (line != null);
			if (rows == 0) {
				shown.add(new HistoryProblem(0, "", "the file has a header but no rows"));
			}
			return new Check(rows, withProblems, shown);
		}
	}

	@Override
	public void forEach(Consumer<BacktestCase> each) throws IOException {
		try (HistoryReader reader = open()) {
			for (HistoryReader.Read read = reader.next(); read != null; read = reader.next()) {
				each.accept(caseOf(read));
			}
		}
	}

	/**
	 * Hands each line over unparsed: the workers that decide the rows parse them. A row
	 * that no longer parses (the file changed since its check) stops the backtest.
	 */
	@Override
	public void forEachRow(Consumer<Backtest.Row> each) throws IOException {
		try (HistoryReader reader = open()) {
			for (HistoryReader.Line line = reader.nextLine(); line != null; line = reader.nextLine()) {
				HistoryReader.Line read = line;
				each.accept(() -> caseOf(reader.parse(read)));
			}
		}
	}

	private static BacktestCase caseOf(HistoryReader.Read read) {
		HistoryCase row = read.historyCase();
		if (row == null) {
			throw new IllegalStateException(
					"Row " + read.problems().get(0).row() + " changed since it was checked: " + read.problems().get(0));
		}
		return new BacktestCase(row.id(), row.input().facts(), row.segment(), row.bad(), row.truePd(), null);
	}

	private HistoryReader open() throws IOException {
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(Files.newInputStream(this.file), StandardCharsets.UTF_8), 1 << 20);
		try {
			return new HistoryReader(lines);
		}
		catch (IOException ex) {
			lines.close();
			throw ex;
		}
	}

}
