package org.creditflow.scorecard;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code java -jar creditflow.jar scorecard --input FILE.csv --spec SPEC.yaml --out DIR
 * [--policy rules/policy.properties]}: fits a scorecard per segment from a labelled CSV
 * and writes {@code model.json}, {@code scores.csv} and {@code report.html} to the
 * folder. The score scale (base score, its odds, points to double the odds) and the
 * master scale (grades as bands of PD, which the calibration is checked in) come from the
 * policy file.
 */
public final class ScorecardCommand {

	public static final String NAME = "scorecard";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --input FILE.csv --spec SPEC.yaml --out DIR [--policy rules/policy.properties]";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private ScorecardCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err);
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err) {
		Map<String, String> args = new java.util.HashMap<>();
		for (int i = 0; i + 1 < arguments.size(); i += 2) {
			args.put(arguments.get(i), arguments.get(i + 1));
		}
		if (arguments.size() % 2 != 0 || !List.of("--input", "--spec", "--out", "--policy").containsAll(args.keySet())
				|| !args.keySet().containsAll(List.of("--input", "--spec", "--out"))) {
			err.println(USAGE_TEXT);
			return USAGE;
		}
		try {
			ScorecardSpec spec = ScorecardSpec.read(Path.of(args.get("--spec")));
			Path policyFile = Path.of(args.getOrDefault("--policy", "rules/policy.properties"));
			Properties policy = policy(policyFile);
			ScoreScale scale = scale(policy, policyFile);
			MasterScale masterScale = MasterScale.of(policy, policyFile);
			LabelledData data = LabelledData.read(Path.of(args.get("--input")), spec);
			ScorecardBuilder.Result result = ScorecardBuilder.build(data, spec, scale, masterScale);
			Path folder = Files.createDirectories(Path.of(args.get("--out")));
			JSON.writeValue(folder.resolve("model.json").toFile(), result.model());
			writeScores(folder.resolve("scores.csv"), data, spec, result);
			List<String> notFacts = ScorecardTable.notFactProperties(spec);
			if (notFacts.isEmpty()) {
				Files.writeString(folder.resolve(ScorecardTable.FILE),
						ScorecardTable.of(result.model(), spec.segment()), StandardCharsets.UTF_8);
				Files.writeString(folder.resolve(DevelopmentDistribution.FILE),
						DevelopmentDistribution.of(result, data, spec.segment()), StandardCharsets.UTF_8);
				out.println("Wrote " + folder.resolve(ScorecardTable.FILE) + " and " + DevelopmentDistribution.FILE
						+ ": the scorecards as decision tables for rules/credit/, and the development sample's "
						+ "spread over their bins (the baseline of the stability monitoring)");
			}
			else {
				out.println("No decision table: " + String.join(", ", notFacts.subList(0, Math.min(3, notFacts.size())))
						+ ((notFacts.size() > 3) ? " and " + (notFacts.size() - 3) + " more" : "")
						+ " name no fact property (such as TelecomProfile.monthsOfTenure)");
			}
			Files.writeString(folder.resolve("report.html"), ScorecardReport.html(result, args.get("--input")),
					StandardCharsets.UTF_8);
			result.model()
				.segments()
				.forEach((segment, fitted) -> out.printf(Locale.ROOT, "%s: %,d training rows, Gini %.3f train%s%n",
						segment, fitted.trainRows(), fitted.train().gini(), (fitted.holdout() != null)
								? String.format(Locale.ROOT, ", %.3f holdout", fitted.holdout().gini()) : ""));
			if (masterScale.isEmpty()) {
				out.println(policyFile + " has no master scale (grade.A.pd.max, ...): calibration by score band only");
			}
			out.println("Wrote " + folder.resolve("model.json") + ", scores.csv and report.html");
			return DONE;
		}
		catch (ScorecardSpec.InvalidSpecException ex) {
			err.println(args.get("--spec") + " cannot be used:\n" + ex.getMessage());
			return USAGE;
		}
		catch (LabelledData.InvalidDataException ex) {
			err.println(args.get("--input") + " cannot be used:\n" + ex.getMessage());
			return USAGE;
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			err.println("The scorecard could not be fitted: " + ex.getMessage());
			return FAILED;
		}
		catch (IOException ex) {
			err.println("The scorecard could not read or write its files: " + ex.getMessage());
			return FAILED;
		}
	}

	private static Properties policy(Path file) throws IOException {
		Properties values = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			values.load(reader);
		}
		return values;
	}

	/** The scale from the policy file: score.base, score.odds, score.pdo. */
	private static ScoreScale scale(Properties values, Path policy) {
		return new ScoreScale(whole(values, "score.base", policy), whole(values, "score.odds", policy),
				whole(values, "score.pdo", policy));
	}

	private static int whole(Properties values, String key, Path policy) {
		String value = values.getProperty(key);
		if (value == null) {
			throw new IllegalArgumentException(policy + " has no " + key);
		}
		try {
			return Integer.parseInt(value.strip().replace("_", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(policy + ": " + key + " must be a whole number, not " + value.strip());
		}
	}

	/** One line per input row: row (1-based), segment, partition, score, pd, target. */
	private static void writeScores(Path file, LabelledData data, ScorecardSpec spec, ScorecardBuilder.Result result)
			throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("row,segment,partition,score,pd," + spec.target() + "\n");
			for (int row = 0; row < data.rows(); row++) {
				if (data.segment[row].isEmpty()) {
					continue;
				}
				writer.write((row + 1) + "," + data.segment[row] + "," + (result.holdout()[row] ? "holdout" : "train")
						+ "," + result.score()[row] + "," + String.format(Locale.ROOT, "%.6f", result.pd()[row]) + ","
						+ (data.bad[row] ? 1 : 0) + "\n");
			}
		}
	}

}
