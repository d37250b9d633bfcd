package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.creditflow.application.LoanProduct;
import org.creditflow.mydata.Population;
import org.creditflow.mydata.SyntheticApplicant;
import org.creditflow.scoring.facts.Scoresheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written Java scorecard of the benchmarks decides as the Drools ruleset does:
 * same segment, score and grade on every scenario of the risk team and on a synthetic
 * population, with the files as they are and with a number changed in them.
 */
class HandWrittenScorecardTests {

	private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());

	@Test
	void shouldScoreEveryScenarioAndSyntheticApplicantAsTheRulesetDoes() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		assertThat(compare(files)).isGreaterThan(1_030);
	}

	@Test
	void shouldFollowAChangeOfTheScorecardTable() throws IOException {
		List<RuleFile> files = new ArrayList<>(RuleFiles.fromFolder(Path.of("rules")));
		RuleFile table = files.stream()
			.filter((file) -> file.path().equals(ScorecardTable.PATH))
			.findFirst()
			.orElseThrow();
		String changed = morePointsForTheBureauScore(new String(table.content(), StandardCharsets.UTF_8));
		files.set(files.indexOf(table), new RuleFile(table.path(), changed.getBytes(StandardCharsets.UTF_8)));
		Ruleset original = this.compiler.compile(RuleFiles.fromFolder(Path.of("rules")), "rules");
		Ruleset ruleset = this.compiler.compile(files, "changed");
		List<Object> standard = standardApplicant();
		assertThat(ruleset.evaluate(standard).getScore()).isEqualTo(original.evaluate(standard).getScore() + 40);
		compare(files);
	}

	private int compare(List<RuleFile> files) throws IOException {
		Ruleset ruleset = this.compiler.compile(files, "rules");
		HandWrittenScorecard java = new HandWrittenScorecard(files, ruleset.policy());
		List<List<Object>> applicants = scenarioApplicants();
		applicants.addAll(syntheticApplicants(1_000));
		for (List<Object> facts : applicants) {
			Scoresheet drools = ruleset.evaluate(facts);
			HandWrittenScorecard.Result result = java.score(facts);
			assertThat(result.segment()).as(facts.toString()).isEqualTo(drools.getSegment());
			assertThat(result.score()).as(facts.toString()).isEqualTo(drools.getScore());
			assertThat(result.grade()).as(facts.toString()).isEqualTo(drools.getGrade());
		}
		return applicants.size();
	}

	static String morePointsForTheBureauScore(String table) {
		Matcher row = Pattern.compile("(?m)^(scorecard,FULL_FILE,[^,]*,[^,]*,)(\\d+)(,SC_BUREAU_SCORE,)")
			.matcher(table);
		StringBuilder changed = new StringBuilder();
		while (row.find()) {
			row.appendReplacement(changed, row.group(1) + (Integer.parseInt(row.group(2)) + 40) + row.group(3));
		}
		row.appendTail(changed);
		assertThat(changed.toString()).isNotEqualTo(table);
		return changed.toString();
	}

	static List<Object> standardApplicant() throws IOException {
		ScenarioFiles.Scenarios scenarios = ScenarioFiles.parse(ScenarioFiles.fromFolder(Path.of("rules")),
				new ArrayList<>());
		return ScenarioRunner.facts(ScenarioRunner.merge(scenarios.standard(), Map.of()));
	}

	static List<List<Object>> scenarioApplicants() throws IOException {
		ScenarioFiles.Scenarios scenarios = ScenarioFiles.parse(ScenarioFiles.fromFolder(Path.of("rules")),
				new ArrayList<>());
		List<List<Object>> applicants = new ArrayList<>();
		for (Scenario scenario : scenarios.scenarios()) {
			applicants.add(ScenarioRunner.facts(ScenarioRunner.merge(scenarios.standard(), scenario.given())));
		}
		return applicants;
	}

	static List<List<Object>> syntheticApplicants(int size) {
		Population population = new Population(0.5);
		SplittableRandom random = new SplittableRandom(15);
		List<List<Object>> applicants = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			SyntheticApplicant applicant = population.draw(random);
			applicants
				.add(new AssessmentInput(applicant.age(), applicant.employmentType(), applicant.declaredAnnualIncome(),
						LoanProduct.PERSONAL_CREDIT, applicant.amount(), applicant.termMonths(), applicant.purpose(),
						true, applicant.financialSeen(), applicant.telecomConsented(), applicant.telecomSeen())
					.facts());
		}
		return applicants;
	}

}
