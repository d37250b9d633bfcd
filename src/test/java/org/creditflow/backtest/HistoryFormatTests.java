package org.creditflow.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.creditflow.mydata.Population;
import org.creditflow.mydata.SyntheticApplicant;
import org.creditflow.scoring.AssessmentInput;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lending-history CSV: written deterministically, read back into the very facts the
 * rules decide on, and every problem of a bad file named with its row and column.
 */
class HistoryFormatTests {

	private static final Ruleset DEFAULT_RULES = RulesetCompiler.compileFolder(Path.of("rules"));

	@Test
	void shouldWriteTheSameFileByteForByteForTheSameSeed(@TempDir Path folder) throws IOException {
		Path first = folder.resolve("first.csv");
		Path second = folder.resolve("second.csv");
		Path other = folder.resolve("other.csv");

		assertThat(HistoryCommand.run(args("--size", "3000", "--seed", "11", "--out", first.toString()))).isZero();
		assertThat(HistoryCommand.run(args("--size", "3000", "--seed", "11", "--out", second.toString()))).isZero();
		assertThat(HistoryCommand.run(args("--size", "3000", "--seed", "12", "--out", other.toString()))).isZero();

		assertThat(Files.mismatch(first, second)).isEqualTo(-1);
		assertThat(Files.mismatch(first, other)).isNotEqualTo(-1);
		List<String> lines = Files.readAllLines(first);
		assertThat(lines).hasSize(3001);
		assertThat(lines.get(0)).isEqualTo(String.join(",", HistoryFormat.COLUMNS));
		assertThat(lines.get(1)).startsWith("H000001,");
	}

	@Test
	void shouldReadBackFactsOnWhichTheRulesDecideAsOnTheProvidersData() throws IOException {
		Population population = new Population(0.6);
		SplittableRandom seeds = new SplittableRandom(8);
		List<SyntheticApplicant> applicants = new ArrayList<>();
		StringBuilder csv = new StringBuilder(HistoryFormat.header()).append('\n');
		for (int i = 1; i <= 3000; i++) {
			SyntheticApplicant applicant = population.draw(seeds.split());
			applicants.add(applicant);
			csv.append(HistoryFormat.row("H" + i, applicant)).append('\n');
		}

		try (HistoryReader reader = new HistoryReader(new BufferedReader(new StringReader(csv.toString())))) {
			for (SyntheticApplicant applicant : applicants) {
				HistoryReader.Read read = reader.next();
				assertThat(read.problems()).isEmpty();
				HistoryCase row = read.historyCase();
				AssessmentInput original = new AssessmentInput(applicant.age(), applicant.employmentType(),
						applicant.declaredAnnualIncome(), row.input().product(), applicant.amount(),
						applicant.termMonths(), applicant.purpose(), true, applicant.financialSeen(),
						applicant.telecomConsented(), applicant.telecomSeen());
				// the loans and cards are rebuilt from totals: every total the rules read
				// is kept
				assertThat(DEFAULT_RULES.decide(row.input().facts())).as("row %s", row.id())
					.isEqualTo(DEFAULT_RULES.decide(original.facts()));
				assertThat(row.bad()).isEqualTo(applicant.bad());
				assertThat(row.truePd()).isCloseTo(applicant.truePd(), org.assertj.core.api.Assertions.within(1e-6));
				assertThat(row.segment()).isEqualTo(applicant.thinFile() ? "THIN_FILE" : "FULL_FILE");
			}
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void shouldNameEveryProblemOfABadFileWithItsRowAndColumn(@TempDir Path folder) throws IOException {
		StringWriter good = new StringWriter();
		HistoryCommand.write(good, 3, 1, 0.6,
				new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "history", 3));
		String[] lines = good.toString().split("\n");
		List<String> header = List.of(lines[0].split(",", -1));
		String[] second = lines[2].split(",", -1);
		second[header.indexOf("age")] = "forty";
		second[header.indexOf("purpose")] = "HOLIDAY";
		String[] third = lines[3].split(",", -1);
		third[header.indexOf("bad")] = "2";
		Path file = folder.resolve("bad.csv");
		Files.writeString(file,
				lines[0] + "\n" + lines[1] + "\n" + String.join(",", second) + "\n" + String.join(",", third) + "\n");

		HistoryFile.Check check = new HistoryFile(file).check();

		assertThat(check.valid()).isFalse();
		assertThat(check.rows()).isEqualTo(3);
		assertThat(check.rowsWithProblems()).isEqualTo(2);
		assertThat(check.problems()).map(HistoryProblem::toString)
			.containsExactly("row 2, age: 'forty' is not a whole number",
					"row 2, purpose: 'HOLIDAY' is not one of [LIVING, HOUSING, EDUCATION, MEDICAL, BUSINESS, "
							+ "DEBT_CONSOLIDATION, OTHER]",
					"row 3, bad: '2' is outside 0 to 1");
		assertThat(check.describe()).endsWith("2 of 3 rows have problems");
	}

	@Test
	void shouldNameTheMissingColumnsOfAForeignFile(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("foreign.csv");
		Files.writeString(file, "id,age,income\n1,30,100\n");

		HistoryFile.Check check = new HistoryFile(file).check();

		assertThat(check.problems()).map(HistoryProblem::toString)
			.contains("row 0, employmentType: the column is missing", "row 0, bureauScore: the column is missing")
			.noneMatch((problem) -> problem.contains("bad:") || problem.contains("segment:"));
	}

	@Test
	void shouldReadQuotedCellsAndIgnoreUnknownColumns() {
		assertThat(CsvCells.of("a,\"b,c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b,c", "say \"hi\"", "");
	}

	@Test
	void shouldRefuseBadArgumentsNamingEachOne() {
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		java.io.PrintStream out = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

		int exit = HistoryCommand.run(args("--size", "ten", "--telecom-signal", "2", "--colour", "red"), out,
				new java.io.PrintStream(err, true));

		assertThat(exit).isEqualTo(HistoryCommand.USAGE);
		assertThat(err.toString()).contains("unknown argument --colour", "--out is required", "Usage:");
	}

	private static List<String> args(String... values) {
		return List.of(values);
	}

}
