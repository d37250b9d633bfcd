package org.creditflow.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lending history turned into the values the rules read: a column per fact property,
 * named as a rule names it, and the segment the ruleset assigns.
 */
class CharacteristicsCommandTests {

	@TempDir
	static Path folder;

	static Path history;

	@BeforeAll
	static void writeHistory() {
		history = folder.resolve("history.csv");
		assertThat(HistoryCommand.run(List.of("--size", "3000", "--seed", "9", "--out", history.toString()),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())))
			.isZero();
	}

	@Test
	void shouldWriteEveryFactPropertyAndTheRulesetsSegment() throws IOException {
		Path out = folder.resolve("characteristics.csv");
		assertThat(run("--input", history.toString(), "--rules", "rules", "--out", out.toString())).isZero();

		List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
		List<String> header = CsvCells.of(lines.get(0));
		assertThat(header).startsWith("id", "bad", "truePd", "segment")
			.contains("FinancialProfile.bureauScore", "TelecomProfile.recordedOnTimePercent",
					"Affordability.dsrPercent", "Applicant.employmentType");
		assertThat(lines).hasSize(3001);
		int segment = header.indexOf("segment");
		int tenure = header.indexOf("TelecomProfile.monthsOfTenure");
		int onTime = header.indexOf("TelecomProfile.recordedOnTimePercent");
		List<List<String>> rows = lines.stream().skip(1).map(CsvCells::of).toList();
		assertThat(rows).extracting((row) -> row.get(segment)).contains("THIN_FILE", "FULL_FILE", "FINANCIAL_ONLY");
		// without telecom data the rules see no telecom fact: its columns are empty
		assertThat(rows).filteredOn((row) -> row.get(segment).equals("FINANCIAL_ONLY"))
			.allSatisfy((row) -> assertThat(row.get(tenure)).isEmpty());
		// fewer than six bills: an insufficient history, no share paid on time
		assertThat(rows).filteredOn((row) -> !row.get(tenure).isEmpty() && Integer.parseInt(row.get(tenure)) < 6)
			.isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get(onTime)).isEmpty());
		assertThat(folder.resolve("characteristics.csv.part")).doesNotExist();
	}

	@Test
	void shouldNameTheProblemsOfAHistoryAndWriteNothing() throws IOException {
		Path broken = folder.resolve("broken.csv");
		List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
		Files.write(broken, List.of(lines.get(0), lines.get(1).replaceFirst(",\\d+,", ",old,")),
				StandardCharsets.UTF_8);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Path out = folder.resolve("never.csv");

		int exit = CharacteristicsCommand.run(List.of("--input", broken.toString(), "--out", out.toString()),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(CharacteristicsCommand.USAGE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot be read", "row 1");
		assertThat(out).doesNotExist();
	}

	private static int run(String... arguments) {
		return CharacteristicsCommand.run(List.of(arguments), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(new ByteArrayOutputStream()));
	}

}
