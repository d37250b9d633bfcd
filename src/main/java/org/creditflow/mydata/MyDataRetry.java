package org.creditflow.mydata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the job executor retries a MyData fetch that failed, as the BPMN reads it:
 * {@code ${mydataRetry.cycle()}}, an ISO-8601 repetition such as {@code R3/PT10S}.
 */
@Component("mydataRetry")
public class MyDataRetry {

	private final String cycle;

	MyDataRetry(@Value("${creditflow.mydata.retry-cycle:R3/PT10S}") String cycle) {
		this.cycle = cycle;
	}

	public String cycle() {
		return this.cycle;
	}

}
