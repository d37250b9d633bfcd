package org.creditflow.backtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCompiler;
import org.creditflow.scoring.RulesFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analyst's loop from the command line: a history, the default ruleset on it, a
 * changed cut-off against the default as baseline — and every figure of the summary as
 * the per-row decisions show it.
 */
class BacktestCommandTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path folder;

	static Path history;

	@BeforeAll
	static void writeHistory() {
		history = folder.resolve("history.csv");
		assertThat(HistoryCommand.run(List.of("--size", "6000", "--seed", "5", "--out", history.toString()), quiet(),
				quiet()))
			.isZero();
	}

	@Test
	void shouldShowWhatARaisedCutOffDoesAgainstTheDefault() throws IOException {
		Path candidate = RulesFolder.copyOfDefaultRules(folder.resolve("stricter"))
			.replace("policy.properties", "band.approve.pd.max=4.0", "band.approve.pd.max=3.0")
			.root();
		Path out = folder.resolve("stricter-out");
		Output run = run("--rules", candidate.toString(), "--baseline", "rules", "--input", history.toString(), "--out",
				out.toString());

		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("6,000 rows: approve", "Gini");
		JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
		JsonNode migration = summary.at("/comparison/migration");
		assertThat(migration.at("/swapOuts/count").asLong()).isPositive();
		assertThat(migration.at("/swapIns/count").asLong()).isZero();
		assertThat(summary.get("approvalRate").asDouble())
			.isLessThan(summary.at("/comparison/baseline/approvalRate").asDouble());
		// the applicants no longer approved were riskier than those still approved
		assertThat(migration.at("/swapOuts/badRate").asDouble())
			.isGreaterThan(summary.get("badRateApproved").asDouble());
		assertThat(summary.at("/bySegment/THIN_FILE/rows").asLong()).isPositive();
		assertThat(summary.at("/comparison/migrationBySegment/THIN_FILE/counts")).isNotEmpty();
		assertThat(out.resolve("report.html")).content().contains("chart-migration");
		List<String> decisions = Files.readAllLines(out.resolve("decisions.csv"));
		assertThat(decisions).hasSize(6001);
		assertThat(decisions.get(0)).contains("baselineBand");
	}

	@Test
	void shouldFindNoMigrationAgainstItself() throws IOException {
		Path out = folder.resolve("self");
		Output run = run("--rules", "rules", "--baseline", "active", "--input", history.toString(), "--out",
				out.toString());

		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
		JsonNode counts = summary.at("/comparison/migration/counts");
		long offDiagonal = 0;
		for (int from = 0; from < 3; from++) {
			for (int to = 0; to < 3; to++) {
				offDiagonal += (from != to) ? counts.get(from).get(to).asLong() : 0;
			}
		}
		assertThat(offDiagonal).isZero();
		assertThat(summary.at("/comparison/meanRateChange").asDouble()).isZero();
		assertThat(summary.get("ruleset").get("version").asText())
			.isEqualTo(summary.get("baseline").get("version").asText());
	}

	@Test
	void shouldReportTheFiguresTheDecisionsFileShows() throws IOException {
		Path out = folder.resolve("default");
		assertThat(run("--rules", "active", "--input", history.toString(), "--out", out.toString()).exit()).isZero();
		JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
		List<String> lines = Files.readAllLines(out.resolve("decisions.csv"));
		List<String> header = List.of(lines.get(0).split(","));
		long approved = 0;
		long approvedBad = 0;
		List<int[]> scored = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			boolean bad = "1".equals(cells[header.indexOf("bad")]);
			if ("APPROVE".equals(cells[header.indexOf("band")])) {
				approved++;
				approvedBad += bad ? 1 : 0;
			}
			String score = cells[header.indexOf("score")];
			if (!score.isEmpty()) {
				scored.add(new int[] { Integer.parseInt(score), bad ? 1 : 0 });
			}
		}

		assertThat(summary.get("rows").asLong()).isEqualTo(6000);
		assertThat(summary.get("approvalRate").asDouble()).isCloseTo(approved / 6000.0, within(1e-12));
		assertThat(summary.get("badRateApproved").asDouble()).isCloseTo((double) approvedBad / approved, within(1e-12));
		assertThat(summary.get("auc").asDouble()).isCloseTo(pairwiseAuc(scored), within(1e-12));
		assertThat(summary.get("gini").asDouble()).isCloseTo(2 * summary.get("auc").asDouble() - 1, within(1e-12));
		JsonNode interval = summary.get("giniCi95");
		assertThat(interval.get(0).asDouble()).isLessThan(summary.get("gini").asDouble());
		assertThat(interval.get(1).asDouble()).isGreaterThan(summary.get("gini").asDouble());
		assertThat(summary.at("/bySegment/THIN_FILE/rows").asLong() + summary.at("/bySegment/FULL_FILE/rows").asLong())
			.isEqualTo(6000);
	}

	@Test
	void shouldRefuseABrokenCandidateNamingTheFileAndLine() {
		Path broken = RulesFolder.copyOfDefaultRules(folder.resolve("broken"))
			.replace("credit/decision.drl", "$sheet.grade( $policy.gradeOf( $pd ) );",
					"$sheet.grade( $policy.gradeOf( $pd ) ")
			.root();

		Output run = run("--rules", broken.toString(), "--input", history.toString(), "--out",
				folder.resolve("never").toString());

		assertThat(run.exit()).isEqualTo(BacktestCommand.USAGE);
		assertThat(run.err()).contains("credit/decision.drl:");
		assertThat(folder.resolve("never")).doesNotExist();
	}

	@Test
	void shouldLeaveNoDecisionsBehindWhenARuleFailsHalfWay() {
		// compiles, but throws for every applicant the rules grade
		Path failing = RulesFolder.copyOfDefaultRules(folder.resolve("failing"))
			.replace("credit/decision.drl", "$sheet.grade( $policy.gradeOf( $pd ) );",
					"$sheet.grade( $policy.gradeOf( $pd ).substring( 5 ) );")
			.root();
		Path out = folder.resolve("failed");

		Output run = run("--rules", failing.toString(), "--input", history.toString(), "--out", out.toString());

		assertThat(run.exit()).as(run.out()).isEqualTo(BacktestCommand.FAILED);
		assertThat(run.err()).contains("The rules failed on row H", "Grade: the master scale");
		assertThat(out.resolve("decisions.csv")).doesNotExist();
		assertThat(out.resolve("decisions.csv.part")).doesNotExist();
		assertThat(out.resolve("summary.json")).doesNotExist();
	}

	@Test
	void shouldRefuseAnUnknownRulesetAndABadFileBeforeWritingAnything() throws IOException {
		Output unknown = run("--rules", "yesterday", "--input", history.toString(), "--out",
				folder.resolve("never").toString());
		assertThat(unknown.exit()).isEqualTo(BacktestCommand.USAGE);
		assertThat(unknown.err()).contains("'yesterday' is neither a folder, nor 'active', nor a ruleset version");

		Path bad = folder.resolve("bad.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(history).subList(0, 4));
		lines.set(2, lines.get(2).replaceFirst(",PERSONAL_CREDIT,\\d+,", ",PERSONAL_CREDIT,lots,"));
		Files.write(bad, lines);
		Output invalid = run("--rules", "active", "--input", bad.toString(), "--out",
				folder.resolve("never").toString());
		assertThat(invalid.exit()).isEqualTo(BacktestCommand.USAGE);
		assertThat(invalid.err()).contains("row 2, amount: 'lots' is not a whole number", "1 of 3 rows have problems");
		assertThat(folder.resolve("never")).doesNotExist();
	}

	@Test
	void shouldBacktestAStoredVersionFromTheServicesDatabase() throws Exception {
		Ruleset rules = RulesetCompiler.compileFolder(Path.of("rules"));
		String database = "jdbc:h2:file:" + folder.resolve("service-db").toAbsolutePath();
		storeVersion(database, rules.version(), rules);
		storeVersion(database, "0".repeat(64), rules);
		Path out = folder.resolve("stored");

		Output stored = run("--rules", rules.version(), "--input", history.toString(), "--out", out.toString(),
				"--database", database);
		Output tampered = run("--rules", "0".repeat(64), "--input", history.toString(), "--out",
				folder.resolve("never").toString(), "--database", database);
		Output unknown = run("--rules", "f".repeat(64), "--input", history.toString(), "--out",
				folder.resolve("never").toString(), "--database", database);

		assertThat(stored.exit()).as(stored.err()).isZero();
		assertThat(JSON.readTree(out.resolve("summary.json").toFile()).at("/ruleset/version").asText())
			.isEqualTo(rules.version());
		assertThat(tampered.exit()).isEqualTo(BacktestCommand.USAGE);
		assertThat(tampered.err()).contains("hash to " + rules.version(), "they were changed");
		assertThat(unknown.exit()).isEqualTo(BacktestCommand.USAGE);
		assertThat(unknown.err()).contains("Ruleset version " + "f".repeat(64) + " is not stored");
	}

	/** As the service stores a version the first time it decides. */
	private static void storeVersion(String database, String version, Ruleset rules) throws Exception {
		Map<String, Map<String, String>> files = new LinkedHashMap<>();
		rules.files()
			.forEach((file) -> files.put(file.path(),
					file.path().endsWith(".xlsx")
							? Map.of("encoding", "base64", "content",
									Base64.getEncoder().encodeToString(file.content()))
							: Map.of("encoding", "utf-8", "content", file.text())));
		try (Connection connection = DriverManager.getConnection(database, "sa", "");
				Statement schema = connection.createStatement()) {
			schema.execute("create table if not exists ruleset_version (version varchar(64) primary key, "
					+ "files text not null, first_used_at timestamp with time zone not null)");
			PreparedStatement insert = connection
				.prepareStatement("insert into ruleset_version (version, files, first_used_at) values (?, ?, ?)");
			insert.setString(1, version);
			insert.setString(2, JSON.writeValueAsString(files));
			insert.setObject(3, OffsetDateTime.now());
			insert.executeUpdate();
		}
	}

	/**
	 * Share of (good, bad) pairs where the good scores higher, ties half: by definition.
	 */
	private static double pairwiseAuc(List<int[]> scored) {
		double wins = 0;
		long pairs = 0;
		for (int[] good : scored) {
			if (good[1] == 1) {
				continue;
			}
			for (int[] bad : scored) {
				if (bad[1] == 0) {
					continue;
				}
				pairs++;
				wins += (good[0] > bad[0]) ? 1 : (good[0] == bad[0]) ? 0.5 : 0;
			}
		}
		return wins / pairs;
	}

	private static Output run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = BacktestCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static PrintStream quiet() {
		return new PrintStream(OutputStream.nullOutputStream());
	}

	private record Output(int exit, String out, String err) {
	}

}
