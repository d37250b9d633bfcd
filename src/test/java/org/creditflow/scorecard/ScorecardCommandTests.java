package org.creditflow.scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.HistoryCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scorecard command on a synthetic lending history: a scorecard per segment that
 * separates good from bad about as well on the holdout as on the training rows, a
 * stratified holdout, the same model for the same seed, and every problem of a spec or a
 * file named.
 */
class ScorecardCommandTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path folder;

	static Path history;

	static Path spec;

	@BeforeAll
	static void writeHistoryAndSpec() throws IOException {
		history = folder.resolve("history.csv");
		PrintStream console = System.out;
		try {
			System.setOut(new PrintStream(OutputStream.nullOutputStream()));
			assertThat(HistoryCommand.run(List.of("--size", "30000", "--seed", "3", "--out", history.toString())))
				.isZero();
		}
		finally {
			System.setOut(console);
		}
		spec = folder.resolve("spec.yaml");
		Files.writeString(spec, """
				target: bad
				segment: segment
				holdout: 0.3
				seed: 7
				characteristics:
				  - {name: bureauScore, type: numeric}
				  - {name: shortTermDelinquencies, type: numeric}
				  - {name: cardUsed, type: numeric}
				  - {name: accountBalance, type: numeric}
				  - {name: onTimePaymentMonths, type: numeric}
				  - {name: unpaidAmount, type: numeric}
				  - {name: monthsOverdue, type: numeric}
				  - {name: carrier, type: categorical}
				""");
	}

	@Test
	void shouldFitAScorecardPerSegmentThatHoldsOnTheHoldout() throws IOException {
		Path out = folder.resolve("fitted");
		Output run = run("--input", history.toString(), "--spec", spec.toString(), "--out", out.toString(), "--policy",
				"rules/policy.properties");

		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode model = JSON.readTree(out.resolve("model.json").toFile());
		for (String segment : List.of("FULL_FILE", "THIN_FILE")) {
			JsonNode fitted = model.at("/segments/" + segment);
			assertThat(fitted.at("/holdout/gini").asDouble()).as(segment).isGreaterThan(0.25);
			assertThat(fitted.at("/holdout/gini").asDouble()).isCloseTo(fitted.at("/train/gini").asDouble(),
					within(0.08));
			assertThat(fitted.get("holdoutRows").asDouble()
					/ (fitted.get("trainRows").asDouble() + fitted.get("holdoutRows").asDouble()))
				.isCloseTo(0.3, within(0.001));
			assertThat(fitted.get("holdoutBadRate").asDouble()).isCloseTo(fitted.get("trainBadRate").asDouble(),
					within(0.001));
			// calibrated on the training rows, the PD holds on the holdout within
			// binomial noise
			JsonNode calibration = fitted.get("calibration");
			assertThat(calibration).hasSize(10);
			double worst = 0;
			for (JsonNode band : calibration) {
				worst = Math.max(worst, Math.abs(band.get("standardErrors").asDouble()));
			}
			assertThat(worst).as(calibration.toString()).isLessThan(3.5);
			assertThat(calibration.get(0).get("observedBadRate").asDouble())
				.isGreaterThan(calibration.get(9).get("observedBadRate").asDouble());
			assertGradesCalibrated(segment, fitted);
			for (JsonNode characteristic : fitted.get("characteristics")) {
				assertThat(characteristic.get("selected").asBoolean() || characteristic.hasNonNull("why"))
					.as(characteristic.toString())
					.isTrue();
			}
		}
		// two measures of one unpaid bill are never both in the scorecard
		assertThat(model.at("/segments/FULL_FILE/characteristics/6/why").asText()).contains("repeats unpaidAmount");
		JsonNode bureau = model.at("/segments/FULL_FILE/characteristics/0");
		assertThat(bureau.get("selected").asBoolean()).isTrue();
		assertThat(bureau.get("bins").size()).isGreaterThan(2);
		assertThat(run.out()).contains("scores.csv and report.html");
		String report = Files.readString(out.resolve("report.html"));
		assertThat(report).contains("<h2>Segment FULL_FILE</h2>", "<h2>Segment THIN_FILE</h2>",
				String.format(Locale.US, ">%.3f<", model.at("/segments/THIN_FILE/holdout/gini").asDouble()),
				"id=\"chart-1-grades\"");
		List<String> scores = Files.readAllLines(out.resolve("scores.csv"));
		assertThat(scores).hasSize(30001);
		assertThat(scores.get(0)).isEqualTo("row,segment,partition,score,pd,bad");
		assertThat(scores.get(1)).startsWith("1,");
	}

	/**
	 * Every grade of the master scale, its rows those of the holdout, and in each grade
	 * with rows a mean PD inside its band that the holdout's bad rate confirms within
	 * binomial noise.
	 */
	private static void assertGradesCalibrated(String segment, JsonNode fitted) {
		JsonNode grades = fitted.get("grades");
		assertThat(grades).extracting((grade) -> grade.get("grade").asText()).containsExactly("A", "B", "C", "D", "E");
		long rows = 0;
		for (JsonNode grade : grades) {
			rows += grade.get("rows").asLong();
			if (grade.get("rows").asLong() == 0) {
				assertThat(grade.get("predictedPd").isNull()).as(grade.toString()).isTrue();
				continue;
			}
			assertThat(grade.get("predictedPd").asDouble() * 100).as(grade.toString())
				.isGreaterThan(grade.get("pdFromPercent").asDouble())
				.isLessThanOrEqualTo(grade.get("pdToPercent").asDouble());
			assertThat(Math.abs(grade.get("standardErrors").asDouble())).as(grade.toString()).isLessThan(3.5);
		}
		assertThat(rows).as(segment).isEqualTo(fitted.get("holdoutRows").asLong());
		assertThat(grades.get(4).get("observedBadRate").asDouble()).as(segment)
			.isGreaterThan(grades.get(2).get("observedBadRate").asDouble());
	}

	@Test
	void shouldCalibrateByScoreBandOnlyWithoutAMasterScale() throws IOException {
		Path policy = folder.resolve("policy-without-master-scale.properties");
		Files.writeString(policy, "score.base=600\nscore.odds=30\nscore.pdo=40\ngrade.A=800\n");
		Path out = folder.resolve("no-grades");

		Output run = run("--input", history.toString(), "--spec", spec.toString(), "--out", out.toString(), "--policy",
				policy.toString());

		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("has no master scale (grade.A.pd.max, ...)");
		JsonNode fitted = JSON.readTree(out.resolve("model.json").toFile()).at("/segments/FULL_FILE");
		assertThat(fitted.get("calibration")).hasSize(10);
		assertThat(fitted.get("grades").isNull()).isTrue();
	}

	@Test
	void shouldPredictEachGradesTruePdWithinFifteenPercent() throws IOException {
		Path withTruePd = folder.resolve("spec-true-pd.yaml");
		Files.writeString(withTruePd, Files.readString(spec).replace("seed: 7\n", "seed: 7\ntruePd: truePd\n"));
		Path out = folder.resolve("true-pd");
		assertThat(run("--input", history.toString(), "--spec", withTruePd.toString(), "--out", out.toString(),
				"--policy", "rules/policy.properties")
			.exit()).isZero();

		JsonNode model = JSON.readTree(out.resolve("model.json").toFile());
		int checked = 0;
		for (String segment : List.of("THIN_FILE", "FULL_FILE")) {
			for (JsonNode grade : model.at("/segments/" + segment + "/grades")) {
				// the history drew every row's outcome from its true PD; a grade of
				// enough
				// applicants predicts their mean within 15 %
				if (grade.get("rows").asLong() >= 1000) {
					assertThat(grade.get("predictedPd").asDouble()).as(segment + " " + grade.get("grade"))
						.isCloseTo(grade.get("truePd").asDouble(), org.assertj.core.data.Percentage.withPercentage(15));
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(3);
		assertThat(Files.readString(out.resolve("report.html"))).contains("<th class=\"num\">True PD</th>");
	}

	@Test
	void shouldNameTheMasterScaleKeyThatCannotBeUsed() throws IOException {
		Path policy = folder.resolve("policy-with-bad-master-scale.properties");
		Files.writeString(policy, Files.readString(Path.of("rules/policy.properties"))
			.replace("grade.C.pd.max=4.0", "grade.C.pd.max=1.5"));

		Output run = run("--input", history.toString(), "--spec", spec.toString(), "--out",
				folder.resolve("never").toString(), "--policy", policy.toString());

		assertThat(run.exit()).isEqualTo(ScorecardCommand.FAILED);
		assertThat(run.err()).contains(policy + ": grade.C.pd.max must be above grade.B.pd.max (2.0), not 1.5");
		assertThat(folder.resolve("never")).doesNotExist();
	}

	@Test
	void shouldGiveTheSameModelForTheSameSeed() throws IOException {
		Path first = folder.resolve("first");
		Path second = folder.resolve("second");
		assertThat(run("--input", history.toString(), "--spec", spec.toString(), "--out", first.toString()).exit())
			.isZero();
		assertThat(run("--input", history.toString(), "--spec", spec.toString(), "--out", second.toString()).exit())
			.isZero();

		assertThat(Files.mismatch(first.resolve("model.json"), second.resolve("model.json"))).isEqualTo(-1);
		assertThat(Files.mismatch(first.resolve("scores.csv"), second.resolve("scores.csv"))).isEqualTo(-1);
	}

	@Test
	void shouldNameEveryProblemOfASpec() throws IOException {
		Path bad = folder.resolve("bad-spec.yaml");
		Files.writeString(bad, """
				holdout: 1.5
				colour: red
				characteristics:
				  - {name: bureauScore, type: ordinal}
				  - {name: bureauScore, type: numeric}
				""");

		Output run = run("--input", history.toString(), "--spec", bad.toString(), "--out",
				folder.resolve("never").toString());

		assertThat(run.exit()).isEqualTo(ScorecardCommand.USAGE);
		assertThat(run.err()).contains("colour is unknown", "target is required",
				"holdout must be at least 0 and below 1, not 1.5",
				"characteristics[0].type must be numeric or categorical, not ordinal");
		assertThat(folder.resolve("never")).doesNotExist();
	}

	@Test
	void shouldNameTheMissingColumnsAndTheBadCells() throws IOException {
		Path data = folder.resolve("foreign.csv");
		Files.writeString(data, "default,duration,purpose\n1,12,A40\n0,x,A41\nmaybe,24,\n");
		Path foreignSpec = folder.resolve("foreign.yaml");
		Files.writeString(foreignSpec, """
				target: default
				characteristics:
				  - {name: duration, type: numeric}
				  - {name: purpose, type: categorical}
				  - {name: amount, type: numeric}
				""");
		Files.writeString(folder.resolve("foreign-ok.yaml"), """
				target: default
				characteristics:
				  - {name: duration, type: numeric}
				  - {name: purpose, type: categorical}
				""");

		Output missing = run("--input", data.toString(), "--spec", foreignSpec.toString(), "--out",
				folder.resolve("never").toString());
		Output cells = run("--input", data.toString(), "--spec", folder.resolve("foreign-ok.yaml").toString(), "--out",
				folder.resolve("never").toString());

		assertThat(missing.err()).contains("column amount is missing");
		assertThat(cells.err()).contains("row 2, duration: 'x' is not a number",
				"row 3, default: 'maybe' is not 1 (bad) or 0 (good)", "2 rows have problems");
	}

	private static Output run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = ScorecardCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exit, String out, String err) {
	}

}
