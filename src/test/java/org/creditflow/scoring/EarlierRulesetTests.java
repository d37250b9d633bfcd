package org.creditflow.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ruleset version that ever decided is stored and replayed with its own files, so
 * the facts and the scoresheet keep what earlier rulesets use. The ruleset before fitted
 * scorecards (hand-set points weighed by segment, grades on score floors, a policy file
 * without a master scale) still validates with its own scenarios.
 */
class EarlierRulesetTests {

	private static final Path HAND_SET = Path.of("src/test/resources/rulesets/hand-set-scorecards");

	@Test
	void shouldStillValidateTheRulesetOfHandSetScorecards() throws IOException {
		RulesetValidation validation = new RulesetValidator(new RulesetCompiler(Clock.systemUTC()))
			.validate(RuleFiles.fromFolder(HAND_SET), ScenarioFiles.fromFolder(HAND_SET), "hand-set");

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.scenarios()).isGreaterThan(40);
		assertThat(validation.ruleset().policy().hasRiskScale()).isFalse();
	}

	@Test
	void shouldShowThePolicyOfAnEarlierRulesetWithoutARiskScale() throws IOException {
		// GET /api/rulesets/active shows the policy of the ruleset in service, whichever
		// it is
		RulesetValidation validation = new RulesetValidator(new RulesetCompiler(Clock.systemUTC()))
			.validate(RuleFiles.fromFolder(HAND_SET), ScenarioFiles.fromFolder(HAND_SET), "hand-set");

		String json = new ObjectMapper().writeValueAsString(validation.ruleset().policy());

		assertThat(json).contains("\"gradeA\":800", "\"risk\":null");
	}

}
