package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A ruleset that would decide wrongly or cannot explain itself is refused, with file and
 * line of every problem.
 */
class RulesetCompilerTests {

	private final RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC());

	@Test
	void shouldCompileTheDefaultRuleset() throws IOException {
		Ruleset ruleset = this.compiler.compile(defaultFiles(), "rules");

		assertThat(ruleset.version()).hasSize(64);
		assertThat(ruleset.ruleCount()).isGreaterThan(40);
		assertThat(ruleset.reasonCode("AGE_BELOW_MINIMUM")).isPresent();
	}

	@Test
	void shouldFillReasonTextsWithItsOwnPolicyNumbers() throws IOException {
		List<RuleFile> files = defaultFiles();
		String policy = text(files, "policy.properties").replace("age.minimum=19", "age.minimum=20")
			.replace("dsr.limit.percent=40", "dsr.limit.percent=35");

		Ruleset ruleset = this.compiler.compile(replace(files, "policy.properties", policy), "test");

		assertThat(ruleset.reasonCode("AGE_BELOW_MINIMUM").orElseThrow().textKo()).contains("만 20세");
		assertThat(ruleset.reasonCode("AGE_BELOW_MINIMUM").orElseThrow().text()).endsWith("minimum age of 20.");
		assertThat(ruleset.reasonCode("DSR_OVER_LIMIT").orElseThrow().text()).contains("35%").doesNotContain("40");
	}

	@Test
	void shouldNameAReasonTextThatQuotesNoPolicyValue() throws IOException {
		List<RuleFile> files = defaultFiles();
		String codes = text(files, "reason-codes.csv").replace("{dsr.limit.percent}% of income",
				"{dsr.limit} of income");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "reason-codes.csv", codes), "test"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Object::toString)
				.containsExactly(
						"reason-codes.csv:3: {dsr.limit} is no value of policy.properties to fill the " + "text with"));
	}

	@Test
	void shouldCarryTheDevelopmentSampleOfItsScorecards() throws IOException {
		Ruleset ruleset = this.compiler.compile(defaultFiles(), "rules");

		DevelopmentSample sample = ruleset.developmentSample().orElseThrow();
		assertThat(sample.segments()).containsExactly("FINANCIAL_ONLY", "FULL_FILE", "THIN_FILE");
		DevelopmentSample.Distribution tenure = sample.of("THIN_FILE", "TelecomProfile.monthsOfTenure").orElseThrow();
		assertThat(tenure.bins().get(tenure.binOf(0))).satisfies((bin) -> assertThat(bin.from()).isNull());
		assertThat(sample.of("FULL_FILE", DevelopmentSample.SCORE).orElseThrow().bins()).hasSize(10);
		assertThat(this.compiler
			.compile(defaultFiles().stream().filter((file) -> !file.path().equals(DevelopmentSample.PATH)).toList(),
					"rules")
			.developmentSample()).isEmpty();
	}

	@Test
	void shouldNameTheLinesOfABrokenDevelopmentSample() throws IOException {
		List<RuleFile> files = defaultFiles();
		String sample = text(files, DevelopmentSample.PATH).replace("FULL_FILE,score,< ", "FULL_FILE,scores,< ")
			.replace("< 606,,606,,false,4563", "< 606,,606,,false,many");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, DevelopmentSample.PATH, sample), "test"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Object::toString)
				.anySatisfy((problem) -> assertThat(problem)
					.matches("credit/scorecards-development\\.csv:\\d+: scores is neither score nor a fact property.*"))
				.anySatisfy((problem) -> assertThat(problem)
					.matches("credit/scorecards-development\\.csv:\\d+: from, below and rows must be numbers.*")));
	}

	@Test
	void shouldNameFileAndLineOfASyntaxError() throws IOException {
		List<RuleFile> files = replace(defaultFiles(), "credit/policy.drl", """
				package creditflow.credit;
				import org.creditflow.scoring.facts.Scoresheet;
				rule "Broken"
				    agenda-group "policy"
				when
				    Scoresheet( noSuchField > 1 )
				then
				end
				""");

		assertThatExceptionOfType(InvalidRulesetException.class).isThrownBy(() -> this.compiler.compile(files, "test"))
			.satisfies((ex) -> assertThat(ex.problems())
				.anySatisfy((problem) -> assertThat(problem.toString()).startsWith("credit/policy.drl:6")
					.contains("noSuchField")));
	}

	@Test
	void shouldRefuseCodeBeyondTheFactsBeforeCompilingAnything() throws IOException {
		List<RuleFile> files = add(defaultFiles(), "credit/extra.drl", """
				package creditflow.credit;
				import org.creditflow.scoring.facts.Scoresheet;
				rule "Reaches out"
				    agenda-group "decision"
				when
				    Scoresheet( noSuchField > 1 )
				then
				    System.exit( 0 );
				end
				""");

		// the unknown field would be the compiler's problem: only the policy's is
		// reported
		assertThatExceptionOfType(InvalidRulesetException.class).isThrownBy(() -> this.compiler.compile(files, "test"))
			.satisfies((ex) -> assertThat(ex.problems()).map(RuleProblem::toString)
				.allSatisfy((problem) -> assertThat(problem).startsWith("credit/extra.drl:8: "))
				.anySatisfy((problem) -> assertThat(problem).startsWith("credit/extra.drl:8: System is not allowed")));
	}

	@Test
	void shouldRefuseAScoringRuleWithoutReasonCode() throws IOException {
		List<RuleFile> files = add(defaultFiles(), "credit/extra.drl", """
				package creditflow.credit;
				import org.creditflow.scoring.facts.Scoresheet;

				rule "Points for nothing"
				    agenda-group "scorecard"
				when
				    $sheet : Scoresheet()
				then
				    $sheet.financialPoints( drools.getRule(), 10 );
				end
				""");

		assertThatExceptionOfType(InvalidRulesetException.class).isThrownBy(() -> this.compiler.compile(files, "test"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.toString())
					.isEqualTo("credit/extra.drl:4: rule \"Points for nothing\" blocks or scores, so it needs "
							+ "@reasonCode(\"...\")")));
	}

	@Test
	void shouldRefuseAReasonCodeThatHasNoText() throws IOException {
		List<RuleFile> files = add(defaultFiles(), "credit/extra.drl", """
				package creditflow.credit;
				import org.creditflow.scoring.facts.Scoresheet;

				rule "Unexplained"
				    @reasonCode("NOT_IN_THE_CSV")
				    agenda-group "policy"
				when
				    $sheet : Scoresheet()
				then
				    $sheet.knockOut( drools.getRule() );
				end
				""");

		assertThatExceptionOfType(InvalidRulesetException.class).isThrownBy(() -> this.compiler.compile(files, "test"))
			.withMessageContaining("reason code NOT_IN_THE_CSV of rule \"Unexplained\" is not in reason-codes.csv");
	}

	@Test
	void shouldRefuseARuleOutsideTheStages() throws IOException {
		List<RuleFile> files = add(defaultFiles(), "credit/extra.drl", """
				package creditflow.credit;
				import org.creditflow.scoring.facts.Scoresheet;

				rule "No stage"
				when
				    $sheet : Scoresheet()
				then
				end
				""");

		assertThatExceptionOfType(InvalidRulesetException.class).isThrownBy(() -> this.compiler.compile(files, "test"))
			.withMessageContaining("credit/extra.drl:4: rule \"No stage\" needs agenda-group");
	}

	@Test
	void shouldNameTheLineOfABadPolicyValue() throws IOException {
		List<RuleFile> files = defaultFiles();
		String policy = text(files, "policy.properties").replace("dsr.limit.percent=40", "dsr.limit.percent=forty");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "policy.properties", policy), "test"))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((problem) -> assertThat(problem.toString())
				.matches("policy\\.properties:\\d+: dsr.limit.percent must be a whole number, not 'forty'")));
	}

	@Test
	void shouldNameEveryBadValueOfTheDsrMethod() throws IOException {
		List<RuleFile> files = defaultFiles();
		String policy = text(files, "policy.properties")
			.replace("dsr.credit.deemed.months=60", "dsr.credit.deemed.months=0")
			.replace("dsr.new.loan.variable.rate=true", "dsr.new.loan.variable.rate=sometimes")
			.replace("dsr.stress.rate.percent=1.5", "dsr.stress.rate.percent=-1")
			.replace("dsr.new.loan.repayment=CREDIT", "dsr.new.loan.repayment=BALLOON");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "policy.properties", policy), "test"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(Object::toString)
				.anySatisfy((problem) -> assertThat(problem)
					.matches("policy\\.properties:\\d+: dsr.credit.deemed.months must be above 0"))
				.anySatisfy((problem) -> assertThat(problem).matches(
						"policy\\.properties:\\d+: dsr.new.loan.variable.rate must be true or false, not 'sometimes'"))
				.anySatisfy((problem) -> assertThat(problem).contains("dsr.stress.rate.percent must be a percentage"))
				.anySatisfy((problem) -> assertThat(problem).matches(
						"policy\\.properties:\\d+: dsr.new.loan.repayment must be one of \\[CREDIT, INSTALMENTS\\], not 'BALLOON'")));
	}

	@Test
	void shouldRefuseAPriceAboveTheLegalMaximumRate() throws IOException {
		List<RuleFile> files = defaultFiles();
		String table = text(files, "credit/pricing.drl.csv").replace("pricing,B,THIN_FILE,8.2,80",
				"pricing,B,THIN_FILE,21.9,80");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "credit/pricing.drl.csv", table), "test"))
			.withMessageContaining("grade B in segment THIN_FILE is priced at 21.9 %")
			.withMessageContaining("at most 20 % (the legal maximum, rate.legal.maximum.percent)");
	}

	@Test
	void shouldHoldTheLegalMaximumRateItsPolicyStates() throws IOException {
		List<RuleFile> files = defaultFiles();
		// a lower legal maximum than the grade E price (20.0) of the offer table
		String policy = text(files, "policy.properties").replace("rate.legal.maximum.percent=20",
				"rate.legal.maximum.percent=18");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "policy.properties", policy), "test"))
			.withMessageContaining("at most 18 % (the legal maximum, rate.legal.maximum.percent)");
		assertThat(this.compiler.compile(files, "test").reasonCode("RATE_ABOVE_LEGAL_MAXIMUM").orElseThrow().text())
			.contains("legal maximum of 20%");
	}

	@Test
	void shouldRefuseARateThatIsNotThePolicysPriceOfTheGrade() throws IOException {
		List<RuleFile> files = defaultFiles();
		String table = text(files, "credit/pricing.drl.csv").replace("pricing,B,THIN_FILE,8.2,80",
				"pricing,B,THIN_FILE,10.9,80");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "credit/pricing.drl.csv", table), "test"))
			.withMessageContaining(
					"grade B in segment THIN_FILE is priced at 10.9 %, but the policy prices it at 8.2 %");
	}

	@Test
	void shouldNameTheRowOfABrokenDecisionTable() throws IOException {
		List<RuleFile> files = defaultFiles();
		String table = text(files, "credit/pricing.drl.csv").replace("pricing,C,FULL_FILE,9.4,100",
				"pricing,C,FULL_FILE,twelve,100");

		assertThatExceptionOfType(InvalidRulesetException.class)
			.isThrownBy(() -> this.compiler.compile(replace(files, "credit/pricing.drl.csv", table), "test"))
			.satisfies((ex) -> assertThat(ex.problems())
				.anySatisfy((problem) -> assertThat(problem.toString()).startsWith("credit/pricing.drl.csv:")));
	}

	@Test
	void shouldVersionTheRulesetByItsContent() throws IOException {
		List<RuleFile> files = defaultFiles();
		List<RuleFile> edited = replace(files, "reason-codes.csv",
				files.stream().filter((f) -> f.path().equals("reason-codes.csv")).findFirst().orElseThrow().text()
						+ "EXTRA_CODE,DECISION,An extra code.,추가 코드.\n");

		assertThat(RulesetCompiler.version(files)).isEqualTo(RulesetCompiler.version(defaultFiles()));
		assertThat(RulesetCompiler.version(edited)).isNotEqualTo(RulesetCompiler.version(files));
	}

	private static String text(List<RuleFile> files, String path) {
		return files.stream().filter((file) -> file.path().equals(path)).findFirst().orElseThrow().text();
	}

	private static List<RuleFile> defaultFiles() throws IOException {
		return RuleFiles.fromFolder(Path.of("rules"));
	}

	private static List<RuleFile> replace(List<RuleFile> files, String path, String content) {
		List<RuleFile> result = new ArrayList<>(files.stream().filter((file) -> !file.path().equals(path)).toList());
		result.add(new RuleFile(path, content.getBytes(StandardCharsets.UTF_8)));
		return result;
	}

	private static List<RuleFile> add(List<RuleFile> files, String path, String content) {
		return replace(files, path, content);
	}

}
