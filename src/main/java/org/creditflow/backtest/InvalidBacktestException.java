package org.creditflow.backtest;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A backtest request that cannot be accepted, with every problem found (400): rulesets
 * that are unknown or do not compile, a period that makes no sense, a lending-history
 * file with bad rows.
 *
 * @param rows the rows of the uploaded file, when one was checked
 * @param rowsWithProblems how many of them have problems (only the first
 * {@link HistoryFile#PROBLEMS_SHOWN} problems are listed)
 */
final class InvalidBacktestException extends RuntimeException {

	/**
	 * One problem: the field of the request (for a file, the column; {@code (row)} for
	 * the row as a whole, {@code (body)} for the file), and the file's row when it is in
	 * one.
	 */
	record Problem(String field, @Nullable Long row, String message) {

		Problem(String field, String message) {
			this(field, null, message);
		}

		static Problem of(HistoryProblem problem) {
			String field = !problem.column().isEmpty() ? problem.column() : (problem.row() > 0) ? "(row)" : "(body)";
			return new Problem(field, problem.row(), problem.problem());
		}

	}

	private final List<Problem> problems;

	@Nullable
	private final Long rows;

	private final long rowsWithProblems;

	InvalidBacktestException(List<Problem> problems, @Nullable Long rows, long rowsWithProblems) {
		super(problems.size() + " problem(s)");
		this.problems = List.copyOf(problems);
		this.rows = rows;
		this.rowsWithProblems = rowsWithProblems;
	}

	List<Problem> problems() {
		return this.problems;
	}

	@Nullable
	Long rows() {
		return this.rows;
	}

	long rowsWithProblems() {
		return this.rowsWithProblems;
	}

	/** One sentence on what is wrong. */
	String detail() {
		List<Problem> inRequest = this.problems.stream().filter((problem) -> problem.row() == null).toList();
		long inFile = this.problems.size() - inRequest.size();
		StringBuilder detail = new StringBuilder();
		if (inRequest.size() == 1) {
			detail.append(inRequest.get(0).field()).append(": ").append(inRequest.get(0).message());
		}
		else if (!inRequest.isEmpty()) {
			detail.append(inRequest.size()).append(" problems with the request");
		}
		if (inFile > 0) {
			detail.append(detail.isEmpty() ? "" : "; ");
			detail.append((this.rowsWithProblems > 0)
					? this.rowsWithProblems + " of " + this.rows + " rows of the file have problems"
					: "the file is not a lending history");
			detail.append((inFile >= HistoryFile.PROBLEMS_SHOWN) ? " (the first " + inFile + " are listed)" : "");
		}
		return detail.append('.').toString();
	}

}
