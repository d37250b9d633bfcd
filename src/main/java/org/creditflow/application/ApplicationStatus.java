package org.creditflow.application;

/**
 * Where an application stands; the last four are final. {@code OFFERED}: approved for
 * less than the amount asked (what the DSR limit or the income cap allows), waiting for
 * the applicant to accept the counter-offer.
 */
public enum ApplicationStatus {

	RECEIVED, COLLECTING_DATA, ASSESSING, IN_REVIEW, OFFERED, APPROVED, DECLINED, WITHDRAWN, EXPIRED;

	public boolean isFinal() {
		return this == APPROVED || this == DECLINED || this == WITHDRAWN || this == EXPIRED;
	}

}
