package org.creditflow.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.creditflow.scoring.facts.FactModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule files may use the facts, values and arithmetic, nothing else: whatever reaches
 * further is refused with file and line before anything is compiled.
 */
class RuleCodePolicyTests {

	private static final String FILE = "credit/extra.drl";

	@Test
	void shouldRefuseSystemExitInAConsequence() {
		assertThat(problems(rule("$sheet : Scoresheet()", "System.exit( 0 );"))).containsExactly(
				FILE + ":10: System is not allowed in rule code: " + RuleVocabulary.WHAT_RULES_MAY_USE,
				FILE + ":10: exit is not allowed in rule code: rules may not reach reflection, class loading, "
						+ "processes, threads or system properties");
	}

	@Test
	void shouldRefuseRuntimeExec() {
		assertThat(problems(rule("$sheet : Scoresheet()", "Runtime.getRuntime().exec( \"touch /tmp/pwned\" );")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: Runtime is not allowed"))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: getRuntime is not allowed"))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: exec is not allowed"));
	}

	@Test
	void shouldRefuseAQualifiedJavaIoFileInAConstraint() {
		assertThat(problems(rule("Scoresheet( new java.io.File( \"/tmp/pwned\" ).createNewFile() )", "")))
			.containsExactly(
					FILE + ":8: java.io.File is not allowed in rule code: " + RuleVocabulary.WHAT_RULES_MAY_USE);
	}

	@Test
	void shouldRefuseAnyJavaPackageEvenWithoutACapitalizedClass() {
		// a shaded Scala package object, a class with a lowercase name
		assertThat(problems(rule("$sheet : Scoresheet()", "camundajar.impl.scala.sys.package.runtime();")))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith(FILE + ":10: camundajar.impl.scala.sys.package.runtime is not allowed in rule code"));
	}

	@Test
	void shouldRefuseImportingJavaNioFiles() {
		assertThat(problems(rule("$sheet : Scoresheet()", "").replace("package credit;\n",
				"package credit;\nimport java.nio.file.Files;")))
			.containsExactly(
					FILE + ":2: import java.nio.file.Files is not allowed: " + RuleVocabulary.WHAT_RULES_MAY_USE);
	}

	@Test
	void shouldRefuseClassForName() {
		assertThat(problems(rule("$sheet : Scoresheet()", "Class.forName( \"java.io.File\" );")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: Class is not allowed"))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: forName is not allowed"));
	}

	@Test
	void shouldRefuseGetClassOnABinding() {
		assertThat(problems(rule("$sheet : Scoresheet()", "$sheet.getClass().getClassLoader();")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: getClass is not allowed"))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: getClassLoader is not allowed"));
	}

	@Test
	void shouldRefuseTheMvelClassProperty() {
		assertThat(problems(rule("Scoresheet( this.class.classLoader != null )", "")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":8: class is not allowed"))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":8: classLoader is not allowed"));
	}

	@Test
	void shouldRefuseANewThread() {
		assertThat(problems(rule("$sheet : Scoresheet()", "new Thread( () -> $sheet.grade( \"A\" ) ).start();")))
			.containsExactly(FILE + ":10: Thread is not allowed in rule code: " + RuleVocabulary.WHAT_RULES_MAY_USE);
	}

	@Test
	void shouldRefuseSystemWrittenWithAUnicodeEscape() {
		assertThat(problems(rule("$sheet : Scoresheet()", "\\u0053ystem.exit( 0 );")))
			.contains(FILE + ":10: the unicode escape \\u0053 is not allowed: write 'S' itself")
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: System is not allowed"));
	}

	@Test
	void shouldRefuseAUnicodeEscapeThatEndsAComment() {
		// javac reads the escape of a line break as one, even in a comment (this one,
		// too)
		assertThat(problems(rule("$sheet : Scoresheet()", "// nothing to see \\u000a System.exit( 0 );")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":10: System is not allowed"));
	}

	@Test
	void shouldRefuseAFunctionUsingSystem() {
		String drl = """
				package credit;

				function long now() {
				    return System.currentTimeMillis();
				}
				""";

		assertThat(problems(drl)).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith(FILE + ":4: System is not allowed"));
	}

	@Test
	void shouldRefuseAGlobalList() {
		String drl = """
				package credit;

				global java.util.List leaks;
				global List others;
				""";

		assertThat(problems(drl)).satisfiesExactly(
				(problem) -> assertThat(problem).startsWith(FILE + ":3: java.util.List is not allowed"),
				(problem) -> assertThat(problem).startsWith(FILE + ":4: List is not allowed"));
	}

	@Test
	void shouldRefuseAForbiddenCallInAnEval() {
		assertThat(problems(rule("eval( Runtime.getRuntime() != null )", "")))
			.anySatisfy((problem) -> assertThat(problem).startsWith(FILE + ":8: Runtime is not allowed"));
	}

	@Test
	void shouldRefuseCodeInAnAnnotationValue() {
		String drl = rule("$sheet : Scoresheet()", "").replace("agenda-group \"policy\"",
				"@reasonCode( new java.io.File( \"/tmp/pwned\" ).createNewFile() )");

		assertThat(problems(drl)).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith(FILE + ":6: java.io.File is not allowed"));
	}

	@Test
	void shouldRefuseTheEngineBeyondTheRuleItself() {
		assertThat(
				problems(rule("$sheet : Scoresheet()", "drools.getKieRuntime().halt(); kcontext.getRule().getId();")))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith(FILE + ":10: drools may only be used as drools.getRule()"))
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith(FILE + ":10: kcontext may only be used as kcontext.getRule()"));
	}

	@Test
	void shouldRefuseTheMvelDialect() {
		String drl = rule("$sheet : Scoresheet()", "").replace("agenda-group \"policy\"", "dialect \"mvel\"");

		assertThat(problems(drl)).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith(FILE + ":6: only the java dialect is allowed"));
	}

	@Test
	void shouldRefuseAJavaPackageAsTheRulePackage() {
		String drl = rule("Policy( scoreBase > 0 )", "").replace("package credit;", "package java.security;");

		assertThat(problems(drl)).singleElement()
			.satisfies((problem) -> assertThat(problem).startsWith(FILE + ":1: package java.security is not allowed"));
	}

	@Test
	void shouldRefuseAStringThatRunsPastItsLine() {
		assertThat(problems(rule("$sheet : Scoresheet()", "String text = \"a\n\"; System.exit( 0 );"))).anySatisfy(
				(problem) -> assertThat(problem).startsWith(FILE + ":10: a string must end on the line it starts"));
	}

	@Test
	void shouldReadCommentsAndStringsAsText() {
		assertThat(problems(rule("$sheet : Scoresheet( segment != \"System.exit(0)\" )",
				"/* Runtime.getRuntime() */ $sheet.grade( \"java.io.File\" ); // Class.forName")))
			.isEmpty();
	}

	@Test
	void shouldRefuseACellOfTheOfferTableOnItsRow() throws IOException {
		List<RuleFile> files = replace(defaultFiles(), "credit/pricing.drl.csv",
				text(defaultFiles(), "credit/pricing.drl.csv").replace("pricing,C,FULL_FILE,9.4,100",
						"pricing,C,FULL_FILE,9.4,100); System.exit(0"));

		assertThat(RuleCodePolicy.check(files)).map(RuleProblem::toString)
			.anySatisfy(
					(problem) -> assertThat(problem).startsWith("credit/pricing.drl.csv:12: System is not allowed"));
	}

	@Test
	void shouldRefuseAnImportOfTheOfferTableWithoutARow() throws IOException {
		List<RuleFile> files = replace(defaultFiles(), "credit/pricing.drl.csv",
				text(defaultFiles(), "credit/pricing.drl.csv").replace("java.math.BigDecimal", "java.io.File"));

		assertThat(RuleCodePolicy.check(files)).map(RuleProblem::toString)
			.anySatisfy((problem) -> assertThat(problem)
				.startsWith("credit/pricing.drl.csv: import java.io.File is not allowed"));
	}

	@Test
	void shouldPassTheRulesFolder() throws IOException {
		assertThat(RuleCodePolicy.check(defaultFiles())).isEmpty();
	}

	@Test
	void shouldCompileRulesThatUseFactsValuesAndDeclaredTypes() throws IOException {
		String drl = """
				package credit;

				import java.math.BigDecimal;
				import java.math.RoundingMode;
				import java.time.LocalDate;
				import org.creditflow.application.EmploymentType;
				import org.creditflow.scoring.facts.Applicant;
				import org.creditflow.scoring.facts.Scoresheet;

				declare Threshold
				    amount : BigDecimal
				    since : LocalDate
				end

				rule "Students need a threshold"
				    @reasonCode("AGE_BELOW_MINIMUM")
				    agenda-group "policy"
				when
				    Applicant( employmentType == EmploymentType.STUDENT, age < Math.min( 19, 20 ) )
				    $sheet : Scoresheet()
				then
				    BigDecimal rate = new BigDecimal( "5.9" ).setScale( 2, RoundingMode.HALF_UP );
				    Threshold threshold = new Threshold( rate, LocalDate.now() );
				    String why = String.valueOf( threshold.getAmount() );
				    $sheet.knockOut( drools.getRule() );
				end
				""";

		assertThat(problems(drl)).isEmpty();
		assertThat(new RulesetCompiler(Clock.systemUTC()).compile(add(defaultFiles(), FILE, drl), "test").ruleCount())
			.isGreaterThan(40);
	}

	@Test
	void shouldLetRulesNameEveryFactTheyAreGiven() {
		List<Object> facts = ScenarioRunner.facts(ScenarioRunner.merge(
				ScenarioFiles.parse(ScenarioFiles.fromFolder(Path.of("rules")), new ArrayList<>()).standard(),
				Map.of()));

		assertThat(facts).extracting(Object::getClass)
			.allSatisfy((type) -> assertThat(FactModel.contains(type)).isTrue());
	}

	/**
	 * One rule in stage "policy": the constraint on line 8, the consequence on line 10.
	 */
	private static String rule(String when, String then) {
		return """
				package credit;

				import org.creditflow.scoring.facts.Scoresheet;

				rule "Extra"
				    agenda-group "policy"
				when
				    %s
				then
				    %s
				end
				""".formatted(when, then);
	}

	private static List<String> problems(String drl) {
		return RuleCodePolicy.check(List.of(new RuleFile(FILE, drl.getBytes(StandardCharsets.UTF_8))))
			.stream()
			.map(RuleProblem::toString)
			.toList();
	}

	private static List<RuleFile> defaultFiles() throws IOException {
		return RuleFiles.fromFolder(Path.of("rules"));
	}

	private static String text(List<RuleFile> files, String path) {
		return files.stream().filter((file) -> file.path().equals(path)).findFirst().orElseThrow().text();
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
