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

	public boolean isDecisionTable() {
		return this.path.endsWith(".drl.csv") || this.path.endsWith(".drl.xlsx");
	}

}
