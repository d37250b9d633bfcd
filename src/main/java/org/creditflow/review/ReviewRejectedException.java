package org.creditflow.review;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused on the server. The completion is rolled back, the task stays
 * open, and Tasklist shows the officer this message ({@code /engine-rest} answers 400
 * with it, as for any bad user request).
 */
class ReviewRejectedException extends BadUserRequestException {

	ReviewRejectedException(List<String> problems) {
		super("The decision cannot be saved: " + String.join("; ", problems) + ".");
	}

}
