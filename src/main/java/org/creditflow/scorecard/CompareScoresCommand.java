package org.creditflow.scorecard;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.creditflow.backtest.CommandArguments;

import org.springframework.lang.Nullable;

/**
 * {@code java -jar creditflow.jar compare-scores --baseline A/scores.csv --candidate
 * B/scores.csv}: whether a candidate scorecard ranks the same applicants better than a
 * baseline, with 95 % intervals from a paired bootstrap, overall and per group, and how
 * many more (or fewer) it approves at the same bad rate among the approved.
 */
public final class CompareScoresCommand {

	public static final String NAME = "compare-scores";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int DEFAULT_REPLICATES = 1000;

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --baseline A/scores.csv --candidate B/scores.csv [--partition holdout|train|all (default holdout)]"
			+ " [--group INPUT.csv:COLUMN (default: the baseline's segments)] [--segment GROUP]..."
			+ " [--bad-rate PERCENT (default: the baseline approving half of each group)]"
			+ " [--replicates N (default " + DEFAULT_REPLICATES + ")] [--seed S (default 1)] [--out FILE.json]";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private CompareScoresCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err);
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		ScoreComparer.Settings settings;
		CommandArguments args;
		try {
			args = new CommandArguments(arguments, Set.of("baseline", "candidate", "partition", "group", "segment",
					"bad-rate", "replicates", "seed", "out"), Set.of("baseline", "candidate"));
			settings = new ScoreComparer.Settings(PairedRows.Partition.of(args.get("partition").orElse("holdout")),
					args.get("group").orElse(null), args.all("segment"), badRate(args.get("bad-rate").orElse(null)),
					(int) args.whole("replicates", DEFAULT_REPLICATES, 1, 1_000_000),
					args.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
		}
		catch (CommandArguments.UsageException | InvalidComparisonException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		try {
			ScoreComparison comparison = ScoreComparer.compare(ScoresFile.read(Path.of(args.require("baseline"))),
					ScoresFile.read(Path.of(args.require("candidate"))), settings);
			out.print(ComparisonTable.of(comparison));
			if (args.get("out").isPresent()) {
				Files.write(Path.of(args.require("out")), JSON.writeValueAsBytes(comparison));
				out.println("\nWrote " + args.require("out"));
			}
			return DONE;
		}
		catch (InvalidComparisonException ex) {
			err.println("The scores cannot be compared: " + ex.getMessage());
			return USAGE;
		}
		catch (NoSuchFileException ex) {
			err.println("The scores cannot be compared: there is no file " + ex.getFile());
			return USAGE;
		}
		catch (IOException ex) {
			err.println("The comparison could not read or write its files: " + ex.getMessage());
			return FAILED;
		}
	}

	/** A percentage such as {@code 3.5} or {@code 3.5%}, as a rate. */
	@Nullable
	private static Double badRate(@Nullable String percent) {
		if (percent == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(percent.strip().replaceFirst("%$", "").strip());
			if (value > 0 && value < 100) {
				return value / 100;
			}
		}
		catch (NumberFormatException ex) {
			// refused below, as any other value out of range
		}
		throw new InvalidComparisonException("--bad-rate must be a percentage above 0 and below 100, not " + percent);
	}

}
