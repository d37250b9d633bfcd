package org.creditflow.scoring;

import java.nio.charset.StandardCharsets;

/**
 * One file of a ruleset, named by its path inside the rules folder
 * ({@code credit/policy.drl}).
 */
public record RuleFile(String path, byte[] content) {

	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

	/** DRL, or a decision table Drools turns into DRL. */
	public boolean isRule() {
		return this.path.endsWith(".drl") || isDecisionTable();
	}

	/** Whether a file of that path inside a rules folder is part of a ruleset. */
	public static boolean belongsToRuleset(String path) {
		return RuleFiles.belongsToRuleset(path);
	}

	/** Whether a file of that path inside a rules folder is a scenario file. */
	public static boolean isScenario(String path) {
		return path.startsWith(ScenarioFiles.FOLDER) && path.endsWith(".yaml");
	}

	public boolean isDecisionTable() {
		return this.path.endsWith(".drl.csv") || this.path.endsWith(".drl.xlsx");
	}

}
