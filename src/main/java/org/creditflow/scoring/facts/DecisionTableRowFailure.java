package org.creditflow.scoring.facts;

/**
 * A row of a decision table failed while its table's one rule ran: carries the row, so
 * that the failure names the line of the table as the row's own rule would.
 */
public class DecisionTableRowFailure extends RuntimeException {

	private final String rule;

	private final int row;

	/**
	 * @param rule the rule the row stands for, {@code "<table>_<row>"}
	 * @param row the row, which is the line of a CSV table
	 */
	public DecisionTableRowFailure(String rule, int row, RuntimeException cause) {
		super(rule + ": " + cause.getMessage(), cause);
		this.rule = rule;
		this.row = row;
	}

	public String rule() {
		return this.rule;
	}

	public int row() {
		return this.row;
	}

}
