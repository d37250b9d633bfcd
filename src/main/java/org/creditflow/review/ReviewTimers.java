package org.creditflow.review;

import org.springframework.stereotype.Component;

/**
 * The review deadlines as the BPMN timers read them, for example
 * {@code ${reviewTimers.sla()}}: ISO-8601 durations from {@link ReviewProperties}.
 */
@Component("reviewTimers")
public class ReviewTimers {

	private final ReviewProperties properties;

	ReviewTimers(ReviewProperties properties) {
		this.properties = properties;
	}

	public String sla() {
		return this.properties.sla().toString();
	}

	public String informationTimeout() {
		return this.properties.informationTimeout().toString();
	}

}
