package org.creditflow.mydata;

/**
 * A provider did not deliver usable data this time. The process retries the step; a
 * source that stays unavailable ends as missing or as an incident.
 */
class MyDataUnavailableException extends RuntimeException {

	enum Reason {

		/** no answer within the timeout */
		TIMEOUT,
		/** no connection */
		UNREACHABLE,
		/** a 5xx answer */
		SERVER_ERROR,
		/** a 4xx answer: our request or token was refused */
		REJECTED,
		/** an answer that is not the profile the contract describes */
		MALFORMED

	}

	private final DataSource source;

	private final Reason reason;

	MyDataUnavailableException(DataSource source, Reason reason, String message, Throwable cause) {
		super(source + " data unavailable (" + reason + "): " + message, cause);
		this.source = source;
		this.reason = reason;
	}

	DataSource source() {
		return this.source;
	}

	Reason reason() {
		return this.reason;
	}

}
