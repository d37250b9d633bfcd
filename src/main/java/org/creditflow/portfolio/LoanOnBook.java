package org.creditflow.portfolio;

/** A reported loan as it was decided, with its outcome so far. */
record LoanOnBook(BookedLoan loan, LoanOutcome outcome) {

}
