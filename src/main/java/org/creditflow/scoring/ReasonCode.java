package org.creditflow.scoring;

/**
 * A row of {@code rules/reason-codes.csv}: a code and the texts that explain it to an
 * applicant.
 *
 * @param category who gives it: {@link #OFFICER} for the reasons an officer declines
 * with; POLICY, REFERRAL, DATA, FINANCIAL, TELECOM and DECISION for the rules' own
 */
public record ReasonCode(String code, String category, String text, String textKo) {

	/** The category of the reasons an officer may decline with. */
	public static final String OFFICER = "OFFICER";

}
