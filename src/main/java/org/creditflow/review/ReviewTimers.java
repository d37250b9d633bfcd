package org.creditflow.review;

import org.creditflow.application.LoanProcess;

import org.springframework.stereotype.Component;

/**
 * The review deadlines as the BPMN timers read them, for example
 * {@code ${reviewTimers.sla(contest)}}: ISO-8601 durations from {@link ReviewProperties}.
 */
@Component("reviewTimers")
public class ReviewTimers {

	private final ReviewProperties properties;

	ReviewTimers(ReviewProperties properties) {
		this.properties = properties;
	}

	/**
	 * How long a review may wait for an officer before it escalates: a contest's deadline
	 * for an application that contests a decline.
	 * @param contest the process's {@code contest} variable
	 */
	public String sla(String contest) {
		return (LoanProcess.NOT_CONTESTED.equals(contest) ? this.properties.sla() : this.properties.contestDeadline())
			.toString();
	}

	public String informationTimeout() {
		return this.properties.informationTimeout().toString();
	}

}
