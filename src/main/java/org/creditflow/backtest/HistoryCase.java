package org.creditflow.backtest;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.scoring.AssessmentInput;

import org.springframework.lang.Nullable;

/**
 * One row of a lending history: an application as it was assessed, and what became of it
 * when that is known.
 *
 * @param row 1-based row of the file (the header is row 0)
 * @param bad true when the loan went 90+ days past due within 12 months; null when the
 * outcome is unknown
 * @param truePd the probability of default the generator drew it from; null for real
 * histories
 * @param segment THIN_FILE or FULL_FILE by the bureaus' definition, or NO_FINANCIAL_DATA
 */
record HistoryCase(long row, String id, AssessmentInput input, @Nullable Boolean bad, @Nullable Double truePd,
		String segment) {

	static final String THIN_FILE = "THIN_FILE";

	static final String FULL_FILE = "FULL_FILE";

	static final String NO_FINANCIAL_DATA = "NO_FINANCIAL_DATA";

	/** The segment of an applicant with this bank data (null: none). */
	static String segmentOf(@Nullable FinancialProfile financial) {
		if (financial == null) {
			return NO_FINANCIAL_DATA;
		}
		return financial.thinFile() ? THIN_FILE : FULL_FILE;
	}

}
