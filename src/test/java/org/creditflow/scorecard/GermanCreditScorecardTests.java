package org.creditflow.scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.CsvCells;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard command on a data set that is not creditflow's: a thousand rows in the
 * shape of the German credit data ({@link GermanCreditLikeData}), coded categories, a few
 * missing cells, rare codes and columns that say nothing. It must find the risk the rows
 * were drawn with and leave the noise out, with every bin big enough to be believed.
 */
class GermanCreditScorecardTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> NUMERIC = List.of("duration", "credit_amount", "residence_since", "age",
			"num_dependents");

	@TempDir
	static Path folder;

	static Path data;

	static Path spec;

	static JsonNode model;

	static List<String> scores;

	@BeforeAll
	static void fitTheData() throws IOException {
		data = folder.resolve("german-credit-like.csv");
		Files.writeString(data, GermanCreditLikeData.csv(1000, 1));
		StringBuilder yaml = new StringBuilder("target: bad\nholdout: 0.3\nseed: 11\ncharacteristics:\n");
		for (String column : GermanCreditLikeData.COLUMNS.subList(0, GermanCreditLikeData.COLUMNS.size() - 1)) {
			yaml.append("  - {name: ")
				.append(column)
				.append(", type: ")
				.append(NUMERIC.contains(column) ? "numeric" : "categorical")
				.append("}\n");
		}
		spec = folder.resolve("german.yaml");
		Files.writeString(spec, yaml);
		Path out = folder.resolve("fitted");
		assertThat(run(out)).isZero();
		model = JSON.readTree(out.resolve("model.json").toFile()).at("/segments/ALL");
		scores = Files.readAllLines(out.resolve("scores.csv"));
	}

	@Test
	void shouldDrawAThousandRowsInTheShapeOfTheGermanCreditData() {
		List<String> lines = GermanCreditLikeData.csv(1000, 1).lines().toList();

		assertThat(lines).hasSize(1001);
		assertThat(lines.get(0)).startsWith("checking_status,duration,credit_history,purpose,credit_amount,")
			.endsWith(",foreign_worker,bad");
		long bads = lines.stream().skip(1).filter((line) -> line.endsWith(",1")).count();
		assertThat(bads).isBetween(250L, 350L);
		assertThat(lines.stream().skip(1).map(CsvCells::of)).allSatisfy((cells) -> {
			assertThat(cells).hasSize(21);
			assertThat(cells.get(0)).matches("A1[1-4]");
			assertThat(cells.get(3)).matches("A4[0-9]|A410");
			assertThat(cells.get(7)).matches("[1-4]");
		});
		assertThat(lines.stream().filter((line) -> CsvCells.of(line).get(12).equals("NA")).count()).isBetween(10L, 60L);
		assertThat(lines.stream().filter((line) -> CsvCells.of(line).get(5).isEmpty()).count()).isBetween(10L, 80L);
		assertThat(GermanCreditLikeData.csv(1000, 1)).isEqualTo(String.join("\n", lines) + "\n")
			.isNotEqualTo(GermanCreditLikeData.csv(1000, 2));
	}

	@Test
	void shouldSeparateGoodFromBadOnTheHoldout() {
		assertThat(model.get("trainRows").asInt()).isEqualTo(700);
		assertThat(model.get("holdoutRows").asInt()).isEqualTo(300);
		assertThat(model.at("/holdout/gini").asDouble()).isGreaterThan(0.4);
		assertThat(model.at("/train/gini").asDouble() - model.at("/holdout/gini").asDouble()).isLessThan(0.15);
	}

	@Test
	void shouldFindTheRiskOfTheCodesAndLeaveTheNoiseOut() {
		JsonNode checking = characteristic("checking_status");
		assertThat(checking.get("selected").asBoolean()).isTrue();
		// drawn with log-odds of bad 0.9, 0.45, -0.3 and -1.0
		assertThat(points(checking, "A11")).isLessThan(points(checking, "A12"));
		assertThat(points(checking, "A12")).isLessThan(points(checking, "A13"));
		assertThat(points(checking, "A13")).isLessThan(points(checking, "A14"));
		for (String strong : List.of("duration", "credit_history", "purpose", "credit_amount", "age")) {
			assertThat(characteristic(strong).get("selected").asBoolean()).as(strong).isTrue();
		}
		for (String noise : List.of("own_telephone", "residence_since", "num_dependents")) {
			assertThat(characteristic(noise).get("selected").asBoolean()).as(noise).isFalse();
		}
		for (JsonNode characteristic : model.get("characteristics")) {
			if (characteristic.get("selected").asBoolean()) {
				assertThat(characteristic.get("coefficient").asDouble()).as(characteristic.toString()).isNegative();
			}
			else {
				assertThat(characteristic.get("why").asText()).as(characteristic.toString()).isNotBlank();
			}
		}
		assertThat(model.get("characteristics").findValuesAsText("why"))
			.anyMatch((why) -> why.startsWith("its bins' bad rates differ no more than chance"));
	}

	/**
	 * Rare purposes share a bin, the codes of every pooled bin are in its label, and no
	 * bin holds fewer than 5 % of the training rows but the missing values' and a rare
	 * code that is all its characteristic tells apart (foreign workers, 4 %).
	 */
	@Test
	void shouldPoolRareCodesAndKeepMissingValuesApart() throws IOException {
		List<String> purposes = new ArrayList<>();
		characteristic("purpose").get("bins").forEach((bin) -> purposes.add(bin.get("label").asText()));
		assertThat(purposes).anyMatch((label) -> label.contains("A48") && label.contains("A410"));
		assertThat(characteristic("existing_credits").get("bins"))
			.anyMatch((bin) -> bin.get("label").asText().equals("2"));
		assertThat(characteristic("foreign_worker").get("bins")).extracting((bin) -> bin.get("label").asText())
			.containsExactly("A201", "A202");
		for (JsonNode characteristic : model.get("characteristics")) {
			long present = 0;
			for (JsonNode bin : characteristic.get("bins")) {
				present += bin.get("label").asText().equals("missing") ? 0 : bin.get("count").asLong();
			}
			for (JsonNode bin : characteristic.get("bins")) {
				if (!bin.get("label").asText().equals("missing")
						&& !characteristic.get("name").asText().equals("foreign_worker")) {
					assertThat(bin.get("count").asLong()).as(characteristic.get("name") + " " + bin)
						.isGreaterThanOrEqualTo((long) Math.ceil(0.05 * present));
				}
			}
		}
		assertThat(missingBin("age").get("count").asLong()).isEqualTo(missingTrainingRows(12, "NA"));
		assertThat(missingBin("savings_status").get("count").asLong()).isEqualTo(missingTrainingRows(5, ""));
		assertThat(missingBin("age").get("count").asLong()).isPositive();
		assertThat(missingBin("savings_status").get("count").asLong()).isPositive();
	}

	@Test
	void shouldFitTheSameModelForTheSameSeed() throws IOException {
		Path again = folder.resolve("again");
		assertThat(run(again)).isZero();

		assertThat(Files.mismatch(folder.resolve("fitted/model.json"), again.resolve("model.json"))).isEqualTo(-1);
		assertThat(Files.mismatch(folder.resolve("fitted/scores.csv"), again.resolve("scores.csv"))).isEqualTo(-1);
	}

	private static JsonNode characteristic(String name) {
		for (JsonNode characteristic : model.get("characteristics")) {
			if (characteristic.get("name").asText().equals(name)) {
				return characteristic;
			}
		}
		throw new AssertionError("no characteristic " + name);
	}

	private static int points(JsonNode characteristic, String label) {
		for (JsonNode bin : characteristic.get("bins")) {
			if (bin.get("label").asText().equals(label)) {
				return bin.get("points").asInt();
			}
		}
		throw new AssertionError("no bin " + label + " in " + characteristic);
	}

	private static JsonNode missingBin(String name) {
		for (JsonNode bin : characteristic(name).get("bins")) {
			if (bin.get("label").asText().equals("missing")) {
				return bin;
			}
		}
		throw new AssertionError(name + " has no bin for missing values");
	}

	/** Training rows whose cell in the column is the given missing value. */
	private static long missingTrainingRows(int column, String missing) throws IOException {
		List<String> lines = Files.readAllLines(data);
		long count = 0;
		for (int row = 1; row < lines.size(); row++) {
			boolean training = CsvCells.of(scores.get(row)).get(2).equals("train");
			count += (training && CsvCells.of(lines.get(row)).get(column).equals(missing)) ? 1 : 0;
		}
		return count;
	}

	private static int run(Path out) {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
		return ScorecardCommand.run(List.of("--input", data.toString(), "--spec", spec.toString(), "--out",
				out.toString(), "--policy", "rules/policy.properties"), quiet, quiet);
	}

}
