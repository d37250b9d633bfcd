package org.creditflow.review;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task completion refused on the server. The completion is rolled back, the task stays
 * open, and Tasklist shows the officer this message.
 */
class ReviewRejectedException extends ProcessEngineException {

	ReviewRejectedException(List<String> problems) {
		super("The decision cannot be saved: " + String.join("; ", problems) + ".");
	}

}
