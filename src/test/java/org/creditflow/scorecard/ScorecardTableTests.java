package org.creditflow.scorecard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.creditflow.backtest.BacktestCommand;
import org.creditflow.backtest.CharacteristicsCommand;
import org.creditflow.backtest.CsvCells;
import org.creditflow.backtest.HistoryCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard as a decision table decides what the fit scored: a history is turned into
 * fact-named characteristics, fitted with the default ruleset's spec, the table dropped
 * into a copy of the ruleset, and every applicant's score in the ruleset is the score the
 * builder gave that row.
 */
class ScorecardTableTests {

	@TempDir
	static Path folder;

	static Path rules;

	static Path fit;

	@BeforeAll
	static void fitTheDefaultSpecAndDropTheTableIntoACopyOfTheRules() throws IOException {
		Path history = folder.resolve("history.csv");
		Path characteristics = folder.resolve("characteristics.csv");
		fit = folder.resolve("fit");
		rules = folder.resolve("rules");
		FileSystemUtils.copyRecursively(Path.of("rules"), rules);
		quietly(() -> {
			assertThat(HistoryCommand.run(List.of("--size", "20000", "--seed", "5", "--out", history.toString())))
				.isZero();
			assertThat(CharacteristicsCommand.run(List.of("--input", history.toString(), "--rules", rules.toString(),
					"--out", characteristics.toString())))
				.isZero();
			assertThat(ScorecardCommand.run(List.of("--input", characteristics.toString(), "--spec",
					"rules/scorecards/default.yaml", "--policy", "rules/policy.properties", "--out", fit.toString())))
				.isZero();
			Files.copy(fit.resolve(ScorecardTable.FILE), rules.resolve("credit").resolve(ScorecardTable.FILE),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			assertThat(BacktestCommand.run(List.of("--rules", rules.toString(), "--input", history.toString(), "--out",
					folder.resolve("backtest").toString())))
				.isZero();
		});
	}

	@Test
	void shouldScoreInTheRulesetWhatTheBuilderScored() throws IOException {
		List<String> ids = column(folder.resolve("characteristics.csv"), "id");
		List<String> segments = column(folder.resolve("characteristics.csv"), "segment");
		Map<String, String> builderScore = new HashMap<>();
		List<String> rows = column(fit.resolve("scores.csv"), "row");
		List<String> scores = column(fit.resolve("scores.csv"), "score");
		for (int i = 0; i < rows.size(); i++) {
			int score = Math.max(1, Math.min(1000, Integer.parseInt(scores.get(i))));
			builderScore.put(ids.get(Integer.parseInt(rows.get(i)) - 1), Integer.toString(score));
		}
		List<String> decided = column(folder.resolve("backtest").resolve("decisions.csv"), "id");
		List<String> ruleScores = column(folder.resolve("backtest").resolve("decisions.csv"), "score");
		Map<String, String> rulesetScore = new HashMap<>();
		for (int i = 0; i < decided.size(); i++) {
			rulesetScore.put(decided.get(i), ruleScores.get(i));
		}
		long segmented = segments.stream().filter((segment) -> !segment.isEmpty()).count();
		assertThat(builderScore).hasSize((int) segmented).hasSizeGreaterThan(19_000);
		builderScore
			.forEach((id, score) -> assertThat(rulesetScore.get(id)).as("the score of %s", id).isEqualTo(score));
	}

	@Test
	void shouldWriteTheTableOnlyWhenEveryCharacteristicNamesAFactProperty() {
		ScorecardSpec spec = ScorecardSpec.of(Map.of("target", "bad", "characteristics",
				List.of(Map.of("name", "TelecomProfile.monthsOfTenure", "type", "numeric"),
						Map.of("name", "cardUsed", "type", "numeric"))));
		assertThat(ScorecardTable.notFactProperties(spec)).containsExactly("cardUsed");
	}

	@Test
	void shouldRefuseToScoreACharacteristicTwiceWhenBinsOverlap() throws IOException {
		Path overlapping = folder.resolve("overlapping");
		FileSystemUtils.copyRecursively(rules, overlapping);
		Path table = overlapping.resolve("credit").resolve(ScorecardTable.FILE);
		String text = Files.readString(table, StandardCharsets.UTF_8);
		// the full file's lowest bureau-score bin now also holds everyone below 900
		String lowest = Stream.of(text.split("\n"))
			.filter((line) -> line.startsWith("scorecard,FULL_FILE,,"))
			.findFirst()
			.orElseThrow();
		List<String> cells = CsvCells.of(lowest);
		String widened = lowest.replaceFirst("scorecard,FULL_FILE,," + cells.get(3) + ",", "scorecard,FULL_FILE,,900,");
		Files.writeString(table, text.replace(lowest, widened), StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
		int exit = BacktestCommand.run(
				List.of("--rules", overlapping.toString(), "--input", folder.resolve("history.csv").toString(), "--out",
						folder.resolve("overlap-backtest").toString()),
				new PrintStream(OutputStream.nullOutputStream()),
				new PrintStream(errors, true, StandardCharsets.UTF_8));
		assertThat(exit).isNotZero();
		assertThat(errors.toString(StandardCharsets.UTF_8)).contains("two bins of one characteristic overlap");
	}

	private static List<String> column(Path csv, String name) throws IOException {
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		int index = CsvCells.of(lines.get(0)).indexOf(name);
		return lines.stream()
			.skip(1)
			.filter((line) -> !line.isBlank())
			.map((line) -> CsvCells.of(line).get(index))
			.toList();
	}

	private static void quietly(ThrowingRunnable run) throws IOException {
		PrintStream out = System.out;
		PrintStream err = System.err;
		try {
			System.setOut(new PrintStream(OutputStream.nullOutputStream()));
			System.setErr(new PrintStream(OutputStream.nullOutputStream()));
			run.run();
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	interface ThrowingRunnable {

		void run() throws IOException;

	}

}
