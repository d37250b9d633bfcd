package org.creditflow.scorecard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The comparison of two scorecards' scores against calculations of its own: two identical
 * files differ by exactly nothing, a ten-row file is worked by hand, the paired interval
 * of a Gini difference spans what DeLong's covariance of two AUCs gives, and every file
 * that does not score the same rows is refused by its first differing row.
 */
class CompareScoresCommandTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Best score first, the baseline ranks them good, bad, good, good, good, bad, good,
	 * bad, good, bad (4 bads of 10). Its bad rate among the best k: 0, 1/2, 1/3, 1/4,
	 * 1/5, 2/6, 2/7, 3/8, 3/9, 4/10. The candidate ranks the six goods first, then the
	 * bads: 0 down to the sixth, then 1/7, 2/8, 3/9, 4/10. The scores sit anywhere (one
	 * is negative): only their order counts.
	 */
	private static final int[] BASELINE = { 900, 800, 700, 600, 500, 400, 300, 200, 100, -20 };

	private static final int[] CANDIDATE = { 990, 410, 980, 970, 960, 400, 950, 300, 940, 200 };

	private static final boolean[] BAD = { false, true, false, false, false, true, false, true, false, true };

	@TempDir
	Path folder;

	@Test
	void shouldFindNoDifferenceBetweenAFileAndItself() throws IOException {
		Random random = new Random(1);
		int[] scores = new int[5000];
		boolean[] bad = new boolean[5000];
		String[] segments = new String[5000];
		for (int row = 0; row < scores.length; row++) {
			double z = random.nextGaussian();
			bad[row] = random.nextDouble() < 1 / (1 + Math.exp(2.5 + z));
			scores[row] = (int) Math.round(600 + 40 * (z + random.nextGaussian()));
			segments[row] = (row % 4 == 0) ? "THIN_FILE" : "FULL_FILE";
		}
		Path file = scores("same.csv", scores, bad, segments, null);
		Path json = this.folder.resolve("same.json");

		Output run = run("--baseline", file.toString(), "--candidate", file.toString(), "--out", json.toString(),
				"--segment", "THIN_FILE", "--segment", "FULL_FILE");

		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode groups = JSON.readTree(json.toFile()).get("groups");
		assertThat(groups).extracting((group) -> group.get("name").asText())
			.containsExactly("all", "THIN_FILE", "FULL_FILE");
		for (JsonNode group : groups) {
			for (String measure : List.of("gini", "ks")) {
				JsonNode figures = group.get(measure);
				assertThat(figures.at("/difference/value").asDouble()).isZero();
				assertThat(figures.at("/difference/low").asDouble()).isZero();
				assertThat(figures.at("/difference/high").asDouble()).isZero();
				assertThat(figures.get("candidate")).isEqualTo(figures.get("baseline"));
				assertThat(figures.at("/baseline/low").asDouble()).isLessThan(figures.at("/baseline/value").asDouble());
			}
			assertThat(group.at("/approval/relativeChange/value").asDouble()).isZero();
			assertThat(group.at("/approval/relativeChange/low").asDouble()).isZero();
			assertThat(group.at("/approval/relativeChange/high").asDouble()).isZero();
			assertThat(group.at("/approval/candidate")).isEqualTo(group.at("/approval/baseline"));
		}
		assertThat(run.out()).contains("Gini", "+0.000 (+0.000 to +0.000)", "+0.0 % (+0.0 to +0.0) relative");
	}

	/**
	 * Pairs in which the good outscores the bad: the bads at the baseline's second,
	 * sixth, eighth and tenth places have 5, 2, 1 and 0 goods below them, so 24 - 8 = 16
	 * of 24; Gini 2 x 16/24 - 1 = 1/3. KS: from the lowest score up, the shares of bads
	 * and goods reach 3/4 and 2/6 at the sixth best, the widest gap, 5/12. The candidate
	 * ranks perfectly: Gini and KS 1.
	 * <p>
	 * At a bad rate of at most 25 % the baseline approves its best five (1/5, its last
	 * bad rate that low, though 1/2 comes earlier), the candidate its best eight (2/8):
	 * 50 % against 80 %, +60 %. By default the target is the baseline's best half, 1/5:
	 * the candidate then approves seven (1/7), +40 %.
	 */
	@Test
	void shouldMatchATenRowFileWorkedByHand() throws IOException {
		Path baseline = scores("baseline.csv", BASELINE, BAD, null, null);
		Path candidate = scores("candidate.csv", CANDIDATE, BAD, null, null);

		JsonNode atQuarter = compare(baseline, candidate, "--bad-rate", "25");
		JsonNode byDefault = compare(baseline, candidate);

		assertThat(atQuarter.at("/gini/baseline/value").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(atQuarter.at("/gini/candidate/value").asDouble()).isEqualTo(1.0);
		assertThat(atQuarter.at("/gini/difference/value").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(atQuarter.at("/ks/baseline/value").asDouble()).isCloseTo(5.0 / 12, within(1e-12));
		assertThat(atQuarter.at("/ks/candidate/value").asDouble()).isEqualTo(1.0);
		assertThat(atQuarter.at("/approval/targetBadRate").asDouble()).isEqualTo(0.25);
		assertThat(atQuarter.at("/approval/baseline/approvalRate/value").asDouble()).isEqualTo(0.5);
		assertThat(atQuarter.at("/approval/baseline/lowestScoreApproved").asInt()).isEqualTo(500);
		assertThat(atQuarter.at("/approval/baseline/badRateApproved").asDouble()).isEqualTo(0.2);
		assertThat(atQuarter.at("/approval/candidate/approvalRate/value").asDouble()).isEqualTo(0.8);
		assertThat(atQuarter.at("/approval/candidate/lowestScoreApproved").asInt()).isEqualTo(400);
		assertThat(atQuarter.at("/approval/relativeChange/value").asDouble()).isCloseTo(0.6, within(1e-12));
		assertThat(byDefault.at("/approval/targetBadRate").asDouble()).isEqualTo(0.2);
		assertThat(byDefault.at("/approval/baseline/approvalRate/value").asDouble()).isEqualTo(0.5);
		assertThat(byDefault.at("/approval/candidate/approvalRate/value").asDouble()).isEqualTo(0.7);
		assertThat(byDefault.at("/approval/relativeChange/value").asDouble()).isCloseTo(0.4, within(1e-12));
		for (String figure : List.of("/gini/baseline", "/gini/difference", "/ks/difference",
				"/approval/relativeChange")) {
			assertThat(atQuarter.at(figure + "/low").asDouble()).as(figure)
				.isLessThanOrEqualTo(atQuarter.at(figure + "/value").asDouble());
			assertThat(atQuarter.at(figure + "/high").asDouble()).as(figure)
				.isGreaterThanOrEqualTo(atQuarter.at(figure + "/value").asDouble());
		}
	}

	/**
	 * DeLong, DeLong and Clarke-Pearson (1988): from each row's placement (the share of
	 * the other class it outranks, ties half) the variance of the difference of two AUCs
	 * on the same rows is (S_g(b) + S_g(c) - 2 C_g) / goods + (S_b(b) + S_b(c) - 2 C_b) /
	 * bads. The paired bootstrap's interval of the Gini difference should span about 2 x
	 * 1.96 x 2 of its standard errors; the two scores share most of their signal, so that
	 * is much narrower than two independent samples would give.
	 */
	@Test
	void shouldSpanThePairedIntervalThatDeLongsCovarianceGives() throws IOException {
		Random random = new Random(7);
		int rows = 20_000;
		int[] baseline = new int[rows];
		int[] candidate = new int[rows];
		boolean[] bad = new boolean[rows];
		for (int row = 0; row < rows; row++) {
			double z = random.nextGaussian();
			bad[row] = random.nextDouble() < 1 / (1 + Math.exp(2 + 1.2 * z));
			double shared = random.nextGaussian();
			baseline[row] = (int) Math.round(600 + 30 * (z + 0.6 * shared + 0.5 * random.nextGaussian()));
			candidate[row] = (int) Math.round(600 + 30 * (z + 0.6 * shared + 0.3 * random.nextGaussian()));
		}
		JsonNode all = compare(scores("b.csv", baseline, bad, null, null), scores("c.csv", candidate, bad, null, null),
				"--replicates", "2000", "--seed", "5");

		double standardError = Math.sqrt(DeLong.differenceVariance(baseline, candidate, bad));
		double width = all.at("/gini/difference/high").asDouble() - all.at("/gini/difference/low").asDouble();
		assertThat(width).isCloseTo(2 * 1.96 * 2 * standardError, within(0.15 * 2 * 1.96 * 2 * standardError));
		assertThat(all.at("/gini/difference/value").asDouble())
			.isCloseTo(2 * (DeLong.auc(candidate, bad) - DeLong.auc(baseline, bad)), within(1e-12));
		double baselineWidth = all.at("/gini/baseline/high").asDouble() - all.at("/gini/baseline/low").asDouble();
		double candidateWidth = all.at("/gini/candidate/high").asDouble() - all.at("/gini/candidate/low").asDouble();
		// two independent samples would give about the root of the sum of squares
		assertThat(width).isLessThan(0.6 * Math.hypot(baselineWidth, candidateWidth));
	}

	@Test
	void shouldGiveTheSameIntervalsForTheSameSeed() throws IOException {
		Path baseline = scores("baseline.csv", BASELINE, BAD, null, null);
		Path candidate = scores("candidate.csv", CANDIDATE, BAD, null, null);

		assertThat(compare(baseline, candidate, "--seed", "3")).isEqualTo(compare(baseline, candidate, "--seed", "3"))
			.isNotEqualTo(compare(baseline, candidate, "--seed", "4"));
	}

	@Test
	void shouldGroupByAColumnOfTheInputFile() throws IOException {
		Path baseline = scores("baseline.csv", BASELINE, BAD, null, null);
		Path candidate = scores("candidate.csv", CANDIDATE, BAD, null, null);
		Path input = this.folder.resolve("input.csv");
		Files.writeString(input, "id,\"file\",bad\n" + "a,THIN,0\nb,THIN,1\nc,FULL,0\nd,FULL,0\n\ne,THIN,0\n"
				+ "f,FULL,1\ng,THIN,0\nh,THIN,1\ni,FULL,0\nj,,1\n");

		Output run = run("--baseline", baseline.toString(), "--candidate", candidate.toString(), "--group",
				input + ":file", "--segment", "THIN", "--bad-rate", "40%");
		Path shortInput = this.folder.resolve("short.csv");
		Files.writeString(shortInput, "id,file\na,THIN\nb,FULL\n");
		Output shortFile = run("--baseline", baseline.toString(), "--candidate", candidate.toString(), "--group",
				shortInput + ":file");
		Output noColumn = run("--baseline", baseline.toString(), "--candidate", candidate.toString(), "--group",
				input + ":segment");

		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("all: 10 rows, 4 bad (40.00 %)", "THIN: 5 rows, 2 bad (40.00 %)")
			.doesNotContain("FULL:");
		assertThat(shortFile.exit()).isEqualTo(CompareScoresCommand.USAGE);
		assertThat(shortFile.err()).contains("short.csv has 2 rows and the scores 10: it is not the file");
		assertThat(noColumn.exit()).isEqualTo(CompareScoresCommand.USAGE);
		assertThat(noColumn.err()).contains("input.csv has no column segment");
	}

	@Test
	void shouldRefuseFilesThatDoNotScoreTheSameRows() throws IOException {
		Path baseline = scores("baseline.csv", BASELINE, BAD, null, null);
		boolean[] otherTargets = BAD.clone();
		otherTargets[6] = true;
		boolean[] otherHoldout = new boolean[BAD.length];
		Arrays.fill(otherHoldout, true);
		otherHoldout[3] = false;

		Output shorter = run("--baseline", baseline.toString(), "--candidate",
				scores("shorter.csv", new int[] { 1, 2, 3 }, new boolean[] { true, false, true }, null, null)
					.toString());
		Output targets = run("--baseline", baseline.toString(), "--candidate",
				scores("targets.csv", CANDIDATE, otherTargets, null, null).toString());
		Output holdouts = run("--baseline", baseline.toString(), "--candidate",
				scores("holdouts.csv", CANDIDATE, BAD, null, otherHoldout).toString());
		Output allRows = run("--baseline", baseline.toString(), "--candidate",
				this.folder.resolve("holdouts.csv").toString(), "--partition", "all");

		assertThat(List.of(shorter, targets, holdouts)).allSatisfy((output) -> {
			assertThat(output.exit()).isEqualTo(CompareScoresCommand.USAGE);
			assertThat(output.out()).isEmpty();
		});
		assertThat(shorter.err()).contains("has 10 rows and", "shorter.csv 3: row 4 is in the first and not in");
		assertThat(targets.err()).contains("Row 7 is good (0) in", "and bad (1) in", "targets.csv");
		assertThat(holdouts.err()).contains("Row 4 is holdout in", "and train in", "--partition all");
		assertThat(allRows.exit()).as(allRows.err()).isZero();
	}

	@Test
	void shouldNameWhatIsWrongWithTheCommandLineOrAFile() throws IOException {
		Path baseline = scores("baseline.csv", BASELINE, BAD, null, null);
		Path broken = this.folder.resolve("broken.csv");
		Files.writeString(broken,
				"row,segment,partition,score,pd,bad\n1,ALL,holdout,612,0.1,1\n1,ALL,holdout,600,0.1,0\n");
		Path notScores = this.folder.resolve("history.csv");
		Files.writeString(notScores, "id,age,bad\nH1,30,1\n");

		Output missing = run("--baseline", baseline.toString(), "--colour", "red", "--bad-rate", "120");
		Output badRate = run("--baseline", baseline.toString(), "--candidate", baseline.toString(), "--bad-rate",
				"120");
		Output repeated = run("--baseline", baseline.toString(), "--candidate", broken.toString());
		Output header = run("--baseline", notScores.toString(), "--candidate", baseline.toString());
		Output segment = run("--baseline", baseline.toString(), "--candidate", baseline.toString(), "--segment",
				"THIN_FILE");
		Output noFile = run("--baseline", this.folder.resolve("nowhere.csv").toString(), "--candidate",
				baseline.toString());
		Output train = run("--baseline", baseline.toString(), "--candidate", baseline.toString(), "--partition",
				"train");

		assertThat(List.of(missing, badRate, repeated, header, segment, noFile, train))
			.allSatisfy((output) -> assertThat(output.exit()).isEqualTo(CompareScoresCommand.USAGE));
		assertThat(missing.err()).startsWith("unknown argument --colour\n")
			.contains("--candidate is required", "Usage:");
		assertThat(badRate.err()).contains("--bad-rate must be a percentage above 0 and below 100, not 120");
		assertThat(repeated.err()).contains("broken.csv, line 3: row 1 appears a second time");
		assertThat(header.err()).contains("history.csv is not a scores.csv of the scorecard command");
		assertThat(segment.err()).contains("No holdout row is in group THIN_FILE", "its groups are ALL");
		assertThat(noFile.err()).contains("there is no file", "nowhere.csv");
		assertThat(train.err()).contains("No row of", "is in the train partition");
	}

	private JsonNode compare(Path baseline, Path candidate, String... options) throws IOException {
		Path json = Files.createTempFile(this.folder, "comparison", ".json");
		List<String> arguments = new ArrayList<>(List.of("--baseline", baseline.toString(), "--candidate",
				candidate.toString(), "--out", json.toString()));
		arguments.addAll(List.of(options));
		Output run = run(arguments.toArray(String[]::new));
		assertThat(run.exit()).as(run.err()).isZero();
		return JSON.readTree(json.toFile()).at("/groups/0");
	}

	/**
	 * A scores.csv as the scorecard command writes it; every row held out unless told.
	 */
	private Path scores(String name, int[] score, boolean[] bad, String[] segment, boolean[] holdout)
			throws IOException {
		StringBuilder text = new StringBuilder("row,segment,partition,score,pd,bad\n");
		for (int row = 0; row < score.length; row++) {
			text.append(row + 1)
				.append(',')
				.append((segment != null) ? segment[row] : "ALL")
				.append(',')
				.append((holdout == null || holdout[row]) ? "holdout" : "train")
				.append(',')
				.append(score[row])
				.append(",0.05,")
				.append(bad[row] ? 1 : 0)
				.append('\n');
		}
		Path file = this.folder.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	private static Output run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = CompareScoresCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int exit, String out, String err) {
	}

}
