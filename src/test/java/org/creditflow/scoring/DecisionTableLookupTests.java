package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditflow.scoring.facts.Scoresheet;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import org.springframework.lang.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision table compiled to one rule that looks its row up decides, explains, fails
 * and is validated exactly as Drools' one rule per row: the same scoresheet (score,
 * reasons with the row that gave them, fired rules, offer) on every scenario and on a
 * synthetic population, and the same problems, by file and line, for broken tables.
 */
class DecisionTableLookupTests {

	private static final Path DEFAULT = Path.of("rules");

	private static final Path HAND_SET = Path.of("src/test/resources/rulesets/hand-set-scorecards");

	private final RulesetCompiler lookups = new RulesetCompiler(Clock.systemUTC());

	private final RulesetCompiler rowRules = new RulesetCompiler(Clock.systemUTC(), false);

	@Test
	void shouldLookUpEveryTableOfTheDefaultRulesetInOneRule() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(DEFAULT);
		Ruleset ruleset = this.lookups.compile(files, "rules");
		long tables = files.stream()
			.filter(RuleFile::isDecisionTable)
			.flatMap((file) -> file.text().lines())
			.filter((line) -> line.startsWith("RuleTable"))
			.count();

		List<Rule> tableRules = rules(ruleset).stream()
			.filter((rule) -> RulesetCompiler.fileOf(rule).endsWith(".drl.csv"))
			.toList();
		assertThat(tableRules).hasSize((int) tables)
			.allSatisfy((rule) -> assertThat(rule.getMetaData()).containsKey(DecisionTableLookup.TABLE_ROWS));
		assertThat(ruleset.ruleCount()).isEqualTo(this.rowRules.compile(files, "rules").ruleCount());
		assertThat(ruleset.evaluate(HandWrittenScorecardTests.standardApplicant()).getFiredRules())
			.anyMatch((rule) -> rule.matches("Scorecard FULL_FILE FinancialProfile.bureauScore_\\d+"));
	}

	@Test
	void shouldDecideEveryScenarioAndSyntheticApplicantAsOneRulePerRow() throws IOException {
		assertSameSheets(RuleFiles.fromFolder(DEFAULT));
	}

	@Test
	void shouldDecideAsOneRulePerRowWithHandSetScorecardsAndTheOfferTable() throws IOException {
		assertSameSheets(RuleFiles.fromFolder(HAND_SET));
	}

	@Test
	void shouldNameTheRowOfAFailingCellAsItsOwnRuleWould() throws IOException {
		// the offer table's rate is code: "twelve" fails only when the row runs
		assertSameValidation("credit/pricing.drl.csv", "pricing,C,FULL_FILE,9\\.4,", "pricing,C,FULL_FILE,twelve,",
				"credit/pricing.drl.csv:12: rule \"Offer by grade and segment_12\" fails when it runs");
	}

	@Test
	void shouldNameTheRowOfAnOverlappingBin() throws IOException {
		assertSameValidation("credit/scorecards.drl.csv", "scorecard,FULL_FILE,,606,", "scorecard,FULL_FILE,,900,",
				"two bins of one characteristic overlap");
	}

	@Test
	void shouldLeaveATableWithAnUnknownReasonCodeToDroolsAndReportItsRow() throws IOException {
		assertSameValidation("credit/scorecards.drl.csv", "(scorecard,FULL_FILE,,606,-1),SC_BUREAU_SCORE,",
				"$1,SC_NO_SUCH_CODE,", "credit/scorecards.drl.csv:86: reason code SC_NO_SUCH_CODE of rule "
						+ "\"Scorecard FULL_FILE FinancialProfile.bureauScore_86\"");
	}

	@Test
	void shouldLeaveATableWithABrokenCellToDroolsAndReportItsRow() throws IOException {
		assertSameValidation("credit/scorecards.drl.csv", "scorecard,FULL_FILE,,606,", "scorecard,FULL_FILE,,6o6,",
				"credit/scorecards.drl.csv:86");
	}

	@Test
	void shouldFailTheScenariosAnEditedTableFailsAsOneRulePerRowDoes() throws IOException {
		assertSameValidation("credit/scorecards.drl.csv", "scorecard,FULL_FILE,,606,", "scorecard,FULL_FILE,,606,",
				null);
		assertSameValidation("credit/scorecards.drl.csv", "(scorecard,FULL_FILE,[^,]*,[^,]*),-?\\d+,SC_BUREAU_SCORE,",
				"$1,-300,SC_BUREAU_SCORE,", "scenario");
	}

	private void assertSameSheets(List<RuleFile> files) throws IOException {
		Ruleset lookup = this.lookups.compile(files, "lookups");
		Ruleset perRow = this.rowRules.compile(files, "one rule per row");
		List<List<Object>> applicants = HandWrittenScorecardTests.scenarioApplicants();
		applicants.addAll(HandWrittenScorecardTests.syntheticApplicants(3_000));
		for (List<Object> facts : applicants) {
			Scoresheet expected = perRow.evaluate(facts);
			Scoresheet actual = lookup.evaluate(facts);
			assertThat(actual).as(facts.toString())
				.usingRecursiveComparison()
				.ignoringFields("changed", "scoredTables")
				.isEqualTo(expected);
			assertThat(actual.adverseReasons()).isEqualTo(expected.adverseReasons());
		}
		assertThat(applicants.stream().map(lookup::evaluate).map(Scoresheet::getFiredRules)).anySatisfy(
				(fired) -> assertThat(fired).anyMatch((rule) -> rule.matches("Offer by grade and segment_\\d+")));
	}

	/**
	 * Validates the default rules with the rows of a table that start with a pattern
	 * replaced, both ways: the same problems and scenario results, and among the problems
	 * the one expected (none when null).
	 */
	private void assertSameValidation(String path, String rowStart, String replacement, @Nullable String expected)
			throws IOException {
		List<RuleFile> files = new ArrayList<>(RuleFiles.fromFolder(DEFAULT));
		RuleFile table = files.stream().filter((file) -> file.path().equals(path)).findFirst().orElseThrow();
		Matcher rows = Pattern.compile("(?m)^" + rowStart).matcher(table.text());
		assertThat(rows.find()).as(rowStart).isTrue();
		String edited = rows.replaceAll(replacement);
		files.set(files.indexOf(table), new RuleFile(path, edited.getBytes(StandardCharsets.UTF_8)));
		List<RuleFile> scenarios = ScenarioFiles.fromFolder(DEFAULT);

		RulesetValidation lookup = new RulesetValidator(this.lookups).validate(files, scenarios, "lookups");
		RulesetValidation perRow = new RulesetValidator(this.rowRules).validate(files, scenarios, "per row");

		assertThat(lookup.problems()).isEqualTo(perRow.problems());
		assertThat(lookup.results()).isEqualTo(perRow.results());
		if (expected == null) {
			assertThat(lookup.problems()).isEmpty();
		}
		else {
			assertThat(lookup.problems()).map(RuleProblem::toString)
				.anySatisfy((problem) -> assertThat(problem).contains(expected));
		}
	}

	private static List<Rule> rules(Ruleset ruleset) {
		return ruleset.kieBase()
			.getKiePackages()
			.stream()
			.flatMap((kiePackage) -> kiePackage.getRules().stream())
			.toList();
	}

}
