package org.creditflow.review;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is completing a task, taken from the engine's authenticated user (set by Tasklist
 * and the REST API from the signed-in session), never from a form field the browser could
 * forge.
 */
record TaskActor(String userId, List<String> groups) {

	static TaskActor of(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new ReviewRejectedException(
					List.of("the task must be completed by a signed-in user (Tasklist or the authenticated REST API)"));
		}
		List<String> groups = (authentication.getGroupIds() != null) ? authentication.getGroupIds() : List.of();
		return new TaskActor(authentication.getUserId(), groups);
	}

}
