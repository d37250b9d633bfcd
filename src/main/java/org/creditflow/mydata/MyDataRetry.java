package org.creditflow.mydata;

import org.springframework.stereotype.Component;

/**
 * How the job executor retries a MyData fetch that failed, as the BPMN reads it:
 * {@code ${mydataRetry.cycle()}}, an ISO-8601 repetition such as {@code R3/PT10S}.
 */
@Component("mydataRetry")
public class MyDataRetry {

	private final MyDataProperties properties;

	MyDataRetry(MyDataProperties properties) {
		this.properties = properties;
	}

	public String cycle() {
		return this.properties.retryCycle();
	}

}
