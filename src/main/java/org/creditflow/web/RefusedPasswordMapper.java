package org.creditflow.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A password that breaks the password policy is the sender's mistake, but Camunda's REST
 * API answers the engine's refusal (a plain {@link ProcessEngineException} with a fixed
 * message) with 500. This answers it 400 and says where the policy is; anything else goes
 * to Camunda's handler unchanged.
 */
@Provider
@Priority(Priorities.USER - 100)
class RefusedPasswordMapper implements ExceptionMapper<ProcessEngineException> {

	/** What Camunda's {@code SaveUserCmd} says, word for word. */
	static final String POLICY_REFUSAL = "Password does not match policy";

	private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

	@Override
	public Response toResponse(ProcessEngineException exception) {
		if (!POLICY_REFUSAL.equals(exception.getMessage())) {
			return this.camunda.toResponse(exception);
		}
		ExceptionDto body = new ExceptionDto();
		body.setType("PasswordPolicyException");
		body.setMessage(POLICY_REFUSAL + ": its rules are at GET /engine-rest/identity/password-policy.");
		return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

}
