package org.creditflow.backtest;

/**
 * What is wrong with one cell or row of a lending-history file.
 *
 * @param row 1-based data row (0 for the header)
 * @param column the column's name; empty for the row as a whole
 */
record HistoryProblem(long row, String column, String problem) {

	@Override
	public String toString() {
		return "row " + this.row + (this.column.isEmpty() ? "" : ", " + this.column) + ": " + this.problem;
	}

}
