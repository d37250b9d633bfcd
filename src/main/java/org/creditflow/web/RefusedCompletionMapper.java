package org.creditflow.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's REST API answers 500 for any exception a task listener throws, even when the
 * listener refused what the user sent. This mapper, ahead of Camunda's own, looks into
 * the cause: a {@link BadUserRequestException} (a decision the server refuses, e.g. a
 * limit above policy) answers 400 with its message; an {@link AuthorizationException} (a
 * user the task's own check refuses, e.g. the submitter of a ruleset release) 403 with
 * its message; an {@link OptimisticLockingException} (someone else changed the task at
 * the same moment) answers 409; a task that no longer exists (someone else completed it a
 * moment earlier) 404. Anything else is left to Camunda's handler, unchanged.
 */
@Provider
@Priority(Priorities.USER - 100)
class RefusedCompletionMapper implements ExceptionMapper<RestException> {

	private final RestExceptionHandler camunda = new RestExceptionHandler();

	@Override
	public Response toResponse(RestException exception) {
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof BadUserRequestException refusal) {
				return problem(Response.Status.BAD_REQUEST, refusal, refusal.getMessage());
			}
			if (cause instanceof AuthorizationException refusal) {
				return problem(Response.Status.FORBIDDEN, refusal, refusal.getMessage());
			}
			if (cause instanceof OptimisticLockingException conflict) {
				return problem(Response.Status.CONFLICT, conflict,
						"Another user changed this task at the same moment; reload it to see its state.");
			}
			if (cause instanceof NullValueException missing
					&& String.valueOf(missing.getMessage()).startsWith("Cannot find task")) {
				return problem(Response.Status.NOT_FOUND, missing,
						"Cannot find task: another user has just completed it, or the application moved on.");
			}
		}
		return this.camunda.toResponse(exception);
	}

	private static Response problem(Response.Status status, Exception cause, String message) {
		ExceptionDto body = new ExceptionDto();
		body.setType(cause.getClass().getSimpleName());
		body.setMessage(message);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
