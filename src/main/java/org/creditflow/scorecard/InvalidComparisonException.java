package org.creditflow.scorecard;

/**
 * Two score files that cannot be compared, or a file that is not what the comparison
 * needs, with the first thing wrong: the command's usage error (exit code 2).
 */
final class InvalidComparisonException extends RuntimeException {

	InvalidComparisonException(String message) {
		super(message);
	}

}
