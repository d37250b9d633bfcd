package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.creditflow.scoring.ScenarioFiles.Scenarios;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import org.springframework.stereotype.Component;

/**
 * Decides whether rule files may decide applications: they compile (see
 * {@link RulesetCompiler}), every scenario in {@code tests/} gets what it expects, and
 * every rule is exercised by some scenario (decision table rows are exercised by the
 * pricing check). Anything else is a problem, by file and line, and the ruleset is
 * refused.
 */
@Component
public class RulesetValidator {

	private final RulesetCompiler compiler;

	RulesetValidator(RulesetCompiler compiler) {
		this.compiler = compiler;
	}

	public RulesetValidation validate(List<RuleFile> ruleFiles, List<RuleFile> scenarioFiles, String origin) {
		String version = RulesetCompiler.version(ruleFiles);
		Ruleset ruleset;
		try {
			ruleset = this.compiler.compile(ruleFiles, origin);
		}
		catch (InvalidRulesetException ex) {
			return new RulesetValidation(version, null, ex.problems(), 0, 0, List.of());
		}
		List<RuleProblem> problems = new ArrayList<>();
		Scenarios scenarios = ScenarioFiles.parse(scenarioFiles, problems);
		if (scenarios.scenarios().isEmpty()) {
			problems
				.add(new RuleProblem(ScenarioFiles.FOLDER, 0, "no scenarios: every ruleset needs scenarios in tests/"));
		}
		ScenarioRunner runner = new ScenarioRunner();
		List<ScenarioRunner.Result> results = runner.run(ruleset, scenarios);
		int failed = 0;
		for (ScenarioRunner.Result result : results) {
			if (!result.passed()) {
				failed++;
				problems.add(new RuleProblem(result.scenario().file(), result.scenario().line(),
						"scenario \"" + result.scenario().name() + "\": " + String.join("; ", result.failures())));
			}
		}
		if (!scenarios.scenarios().isEmpty()) {
			problems.addAll(uncovered(ruleset, runner.firedRules()));
		}
		List<RulesetValidation.ScenarioResult> outcomes = results.stream()
			.map((result) -> new RulesetValidation.ScenarioResult(result.scenario().file(), result.scenario().line(),
					result.scenario().name(), result.passed(), result.failures()))
			.toList();
		return new RulesetValidation(version, problems.isEmpty() ? ruleset : null, List.copyOf(problems),
				results.size(), failed, outcomes);
	}

	/**
	 * Compiles the files without running the scenarios.
	 * @throws InvalidRulesetException with every problem, file and line
	 */
	public Ruleset compile(List<RuleFile> ruleFiles, String origin) {
		return this.compiler.compile(ruleFiles, origin);
	}

	private static List<RuleProblem> uncovered(Ruleset ruleset, Set<String> fired) {
		List<RuleProblem> problems = new ArrayList<>();
		for (KiePackage kiePackage : ruleset.kieBase().getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				String file = RulesetCompiler.fileOf(rule);
				boolean decisionTableRow = file.endsWith(".drl.csv") || file.endsWith(".drl.xlsx");
				if (!decisionTableRow && !fired.contains(rule.getName())) {
					problems.add(new RuleProblem(file, RulesetCompiler.lineOf(ruleset.files(), file, rule.getName()),
							"rule \"" + rule.getName() + "\" is not exercised by any scenario in "
									+ ScenarioFiles.FOLDER));
				}
			}
		}
		return problems;
	}

}
