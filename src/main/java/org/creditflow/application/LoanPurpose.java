package org.creditflow.application;

public enum LoanPurpose {

	LIVING, HOUSING, EDUCATION, MEDICAL, BUSINESS, DEBT_CONSOLIDATION, OTHER

}
