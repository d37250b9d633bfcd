package org.creditflow.scoring;

/**
 * What is wrong with a rule file, where: the file's path inside the rules folder and the
 * line (0 when the problem is not on one line).
 */
public record RuleProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return this.file + ((this.line > 0) ? ":" + this.line : "") + ": " + this.message;
	}

}
