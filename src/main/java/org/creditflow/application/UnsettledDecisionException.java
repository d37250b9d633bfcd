package org.creditflow.application;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A final decision the records do not support: the process reached "issue offer" or
 * "decline" without the assessment or the checked review that would allow it (a modified
 * process instance, forged variables). Nothing is decided; a user's request that led here
 * is refused with this message, a job becomes an incident.
 */
public class UnsettledDecisionException extends BadUserRequestException {

	public UnsettledDecisionException(String message) {
		super(message);
	}

}
