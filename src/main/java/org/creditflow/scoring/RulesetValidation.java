package org.creditflow.scoring;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What validating a set of rule files found: the compiled ruleset when it may go into
 * service, else every problem, by file and line.
 *
 * @param version the SHA-256 over the rule files
 * @param scenarios how many scenarios ran
 * @param failedScenarios how many of them did not get what they expect
 * @param results each scenario's result
 */
public record RulesetValidation(String version, @Nullable Ruleset ruleset, List<RuleProblem> problems, int scenarios,
		int failedScenarios, List<ScenarioResult> results) {

	/** One scenario: where it is, and what it did not get if it failed. */
	public record ScenarioResult(String file, int line, String name, boolean passed, List<String> failures) {
	}

	public boolean valid() {
		return this.ruleset != null && this.problems.isEmpty();
	}

}
