package org.creditflow.scoring;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ruleset that cannot go into service, with every problem found.
 */
public class InvalidRulesetException extends RuntimeException {

	private final List<RuleProblem> problems;

	public InvalidRulesetException(List<RuleProblem> problems) {
		super("The ruleset is invalid:\n"
				+ problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}
