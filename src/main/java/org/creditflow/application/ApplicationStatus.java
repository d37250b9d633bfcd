package org.creditflow.application;

/**
 * Where an application stands; the last four are final.
 */
public enum ApplicationStatus {

	RECEIVED, COLLECTING_DATA, ASSESSING, IN_REVIEW, APPROVED, DECLINED, WITHDRAWN, EXPIRED;

	public boolean isFinal() {
		return this == APPROVED || this == DECLINED || this == WITHDRAWN || this == EXPIRED;
	}

}
