package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.Scoresheet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The DMN decisions of the benchmarks decide as the Drools ruleset does: same segment,
 * score and grade (and the PD to a billionth of a percent) on every scenario of the risk
 * team and on a synthetic population, with the files as they are and with a number
 * changed in them (on fewer applicants: DMN takes milliseconds each); so does the ruleset
 * run through the scoring stages only, as the benchmark also runs it.
 */
class DmnScorecardTests {

	private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());

	@Test
	void shouldScoreEveryScenarioAndSyntheticApplicantAsTheRulesetDoes() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		assertThat(compare(files, 1_000)).isGreaterThan(1_030);
	}

	@Test
	void shouldFollowAChangeOfTheScorecardTable() throws IOException {
		List<RuleFile> files = new ArrayList<>(RuleFiles.fromFolder(Path.of("rules")));
		RuleFile table = files.stream()
			.filter((file) -> file.path().equals(ScorecardTable.PATH))
			.findFirst()
			.orElseThrow();
		String changed = HandWrittenScorecardTests
			.morePointsForTheBureauScore(new String(table.content(), StandardCharsets.UTF_8));
		files.set(files.indexOf(table), new RuleFile(table.path(), changed.getBytes(StandardCharsets.UTF_8)));
		Ruleset original = this.compiler.compile(RuleFiles.fromFolder(Path.of("rules")), "rules");
		DmnScorecard dmn = new DmnScorecard(files, original.policy());
		List<Object> standard = HandWrittenScorecardTests.standardApplicant();
		assertThat(dmn.score(standard).score()).isEqualTo(original.evaluate(standard).getScore() + 40);
		compare(files, 200);
	}

	@Test
	void shouldWriteEveryBinOfTheTableIntoTheDecisionTables() throws IOException {
		List<RuleFile> files = RuleFiles.fromFolder(Path.of("rules"));
		Ruleset ruleset = this.compiler.compile(files, "rules");
		String xml = new DmnScorecard(files, ruleset.policy()).xml();
		Files.createDirectories(Path.of("target/dmn"));
		Files.writeString(Path.of("target/dmn/scorecard.dmn"), xml);
		List<ScorecardTable.Bin> bins = ScorecardTable.bins(files);
		long characteristicsOfSomeSegments = bins.stream()
			.collect(Collectors.groupingBy((bin) -> bin.characteristic(),
					Collectors.mapping(ScorecardTable.Bin::segment, Collectors.toSet())))
			.values()
			.stream()
			.filter((segments) -> segments.size() < 3)
			.count();
		int segmentRows = 4;
		int gradeRows = Policy.GRADES.size() + 1;
		assertThat(xml).contains("Points_FinancialProfile_bureauScore", "Points_TelecomProfile_recordedOnTimePercent",
				"[606..655)", "&lt; 625", "&gt;= 906", "[17.8..29.5)", "hitPolicy=\"UNIQUE\"");
		assertThat(xml.split("<rule ", -1))
			.hasSize(1 + bins.size() + (int) characteristicsOfSomeSegments + segmentRows + gradeRows);
	}

	private int compare(List<RuleFile> files, int syntheticApplicants) throws IOException {
		Ruleset ruleset = this.compiler.compile(files, "rules");
		DmnScorecard dmn = new DmnScorecard(files, ruleset.policy());
		List<List<Object>> applicants = HandWrittenScorecardTests.scenarioApplicants();
		applicants.addAll(HandWrittenScorecardTests.syntheticApplicants(syntheticApplicants));
		for (List<Object> facts : applicants) {
			Scoresheet drools = ruleset.evaluate(facts);
			DmnScorecard.Result result = dmn.score(facts);
			assertThat(result.segment()).as(facts.toString()).isEqualTo(drools.getSegment());
			assertThat(result.score()).as(facts.toString()).isEqualTo(drools.getScore());
			assertThat(result.grade()).as(facts.toString()).isEqualTo(drools.getGrade());
			Scoresheet scoringStages = ruleset.evaluate(facts, new Scoresheet(), DroolsDmnJavaBenchmark.SCORING_STAGES);
			assertThat(scoringStages.getSegment()).isEqualTo(drools.getSegment());
			assertThat(scoringStages.getScore()).isEqualTo(drools.getScore());
			assertThat(scoringStages.getGrade()).isEqualTo(drools.getGrade());
			if (drools.getPd() == null) {
				assertThat(result.pd()).isNull();
			}
			else {
				assertThat(result.pd()).isCloseTo(drools.getPd(), within(1e-9));
			}
		}
		return applicants.size();
	}

}
