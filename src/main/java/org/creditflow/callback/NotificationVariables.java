package org.creditflow.callback;

/** The variables of a {@code decision-notification} process instance. */
final class NotificationVariables {

	/** the partner whose callback is called */
	static final String PARTNER = "partner";

	/** the application's final status */
	static final String STATUS = "status";

	/** when it reached it (ISO-8601) */
	static final String DECIDED_AT = "decidedAt";

	/** the URL the notification was sent to, once sent */
	static final String URL = "url";

	/** the HTTP status the partner answered the delivered notification with */
	static final String RESPONSE_STATUS = "responseStatus";

	/** why nothing was sent: the partner removed its callback before */
	static final String SKIPPED = "skipped";

	private NotificationVariables() {
	}

}
