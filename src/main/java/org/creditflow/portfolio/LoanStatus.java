package org.creditflow.portfolio;

/** A loan's status in a month, as loan servicing reports it. */
enum LoanStatus {

	/** Paid as due: no days past due. */
	CURRENT,

	/** Behind on payments: at least one day past due. */
	DELINQUENT,

	/** Declared in default by servicing. */
	DEFAULTED,

	/** Paid off: no balance left. */
	REPAID,

	/** Given up on and written off. */
	WRITTEN_OFF;

	/** A status that makes a loan bad whatever its days past due. */
	boolean isDefault() {
		return this == DEFAULTED || this == WRITTEN_OFF;
	}

}
