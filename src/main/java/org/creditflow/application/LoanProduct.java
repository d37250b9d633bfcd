package org.creditflow.application;

public enum LoanProduct {

	/** Unsecured personal credit loan (신용대출). */
	PERSONAL_CREDIT

}
