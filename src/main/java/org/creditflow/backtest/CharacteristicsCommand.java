package org.creditflow.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.facts.FactProperties;
import org.creditflow.scoring.facts.Scoresheet;

/**
 * {@code java -jar creditflow.jar characteristics --input HISTORY.csv --out FILE.csv
 * [--rules DIR]}: turns a lending history into what a scorecard is fitted on, one row per
 * application with every value the rules can read, in columns named as a rule names them
 * ({@code TelecomProfile.monthsOfTenure}), the outcome ({@code bad}) and the segment the
 * ruleset puts the application in. A scorecard fitted on these columns can be written
 * into the ruleset as decision tables that read the same values.
 */
public final class CharacteristicsCommand {

	public static final String NAME = "characteristics";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --input HISTORY.csv --out FILE.csv [--rules DIR|active (the segments; default active)]";

	private CharacteristicsCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err);
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		BacktestCommand.quietRuleBuild();
		CommandArguments args;
		Ruleset ruleset;
		try {
			args = new CommandArguments(arguments, Set.of("input", "out", "rules"), Set.of("input", "out"));
			ruleset = BacktestCommand.resolve(args.get("rules").orElse("active"), args);
		}
		catch (CommandArguments.UsageException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		catch (InvalidRulesetException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			BacktestCommand.explainUnusableRuleset(ex, err);
			return USAGE;
		}
		Path input = Path.of(args.require("input"));
		Path file = Path.of(args.require("out"));
		if (!Files.isRegularFile(input)) {
			err.println("--input " + input + " is not a file");
			return USAGE;
		}
		try {
			HistoryFile history = new HistoryFile(input);
			HistoryFile.Check check = history.check();
			if (!check.valid()) {
				err.println(input + " cannot be read:\n" + check.describe());
				return USAGE;
			}
			Path part = file.resolveSibling(file.getFileName() + ".part");
			try (Writer writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
				write(history, ruleset, writer, new Progress(out, NAME, check.rows()));
			}
			Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
			out.println("Wrote " + check.rows() + " rows with " + FactProperties.ALL.size() + " characteristics to "
					+ file);
			return DONE;
		}
		catch (IOException ex) {
			err.println("The characteristics could not be written to " + file + ": " + ex.getMessage());
			return FAILED;
		}
	}

	/**
	 * The header, then a row per case: the case's id, outcome, the ruleset's segment, and
	 * every fact property (empty where the fact is missing or the value unknown).
	 */
	static void write(HistoryFile history, Ruleset ruleset, Writer writer, Progress progress) throws IOException {
		StringBuilder header = new StringBuilder("id,bad,truePd,segment");
		FactProperties.ALL.forEach((property) -> header.append(',').append(property.qualifiedName()));
		writer.write(header.append('\n').toString());
		long[] rows = { 0 };
		history.forEach((row) -> {
			Scoresheet sheet = ruleset.evaluate(row.facts());
			StringBuilder line = new StringBuilder(CsvCells.quoted(row.id()));
			line.append(',').append((row.bad() == null) ? "" : (row.bad() ? "1" : "0"));
			line.append(',').append((row.truePd() == null) ? "" : row.truePd().toString());
			line.append(',').append((sheet.getSegment() == null) ? "" : sheet.getSegment());
			for (FactProperties.Property property : FactProperties.ALL) {
				line.append(',')
					.append(CsvCells.quoted(FactProperties.Property.cell(property.valueAmong(row.facts()))));
			}
			try {
				writer.write(line.append('\n').toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (++rows[0] % 10_000 == 0) {
				progress.advance(10_000);
			}
		});
		progress.done();
	}

}
