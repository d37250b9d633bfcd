package org.creditflow.scoring;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.creditflow.scoring.ScenarioFiles.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk team's scenarios in {@code rules/tests/}, each a test of its own, and the
 * validation the service applies before any ruleset decides: it must pass with no
 * problem.
 */
class RiskTeamScenarioTests {

	private static final Path RULES = Path.of("rules");

	static Ruleset ruleset;

	static Scenarios scenarios;

	@BeforeAll
	static void compile() throws IOException {
		ruleset = new RulesetCompiler(Clock.systemUTC()).compile(RuleFiles.fromFolder(RULES), "rules");
		List<RuleProblem> problems = new ArrayList<>();
		scenarios = ScenarioFiles.parse(ScenarioFiles.fromFolder(RULES), problems);
		assertThat(problems).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyScenarioGetsWhatItExpects() {
		ScenarioRunner runner = new ScenarioRunner();
		return runner.run(ruleset, scenarios)
			.stream()
			.map((result) -> DynamicTest.dynamicTest(result.scenario().name(),
					URI.create("file:" + RULES.resolve(result.scenario().file()).toAbsolutePath()),
					() -> assertThat(result.failures()).as(result.scenario().where()).isEmpty()));
	}

	@Test
	void shouldValidateTheDefaultRulesetWithEveryRuleExercised() throws IOException {
		RulesetValidation validation = new RulesetValidator(new RulesetCompiler(Clock.systemUTC()))
			.validate(RuleFiles.fromFolder(RULES), ScenarioFiles.fromFolder(RULES), "rules");

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.valid()).isTrue();
		assertThat(validation.scenarios()).isGreaterThan(40);
	}

}
