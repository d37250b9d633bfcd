package org.creditflow.callback;

import org.springframework.stereotype.Component;

/**
 * How the job executor retries a notification, as the BPMN reads it:
 * {@code ${callbackRetry.cycle()}}.
 */
@Component("callbackRetry")
public class CallbackRetry {

	private final CallbackProperties properties;

	CallbackRetry(CallbackProperties properties) {
		this.properties = properties;
	}

	public String cycle() {
		return this.properties.retryCycle();
	}

}
