package org.creditflow.web;

import java.util.List;

/**
 * A well-formed request that the business cannot act on (422), such as an application
 * without consent to read financial data.
 */
public class UnprocessableException extends RuntimeException {

	private final List<FieldProblem> problems;

	public UnprocessableException(String field, String message) {
		super(message);
		this.problems = List.of(new FieldProblem(field, message));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
