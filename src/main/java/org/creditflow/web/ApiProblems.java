package org.creditflow.web;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure of the creditflow API as RFC 9457
 * {@code application/problem+json}; input problems list each field in {@code errors}, and
 * nothing a client sends turns into a 500.
 */
@RestControllerAdvice(basePackages = "org.creditflow")
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final URI INVALID_REQUEST = URI.create("https://creditflow.org/problems/invalid-request");

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return withErrors(HttpStatus.BAD_REQUEST, "Invalid request", ex.problems());
	}

	@ExceptionHandler
	ProblemDetail unprocessable(UnprocessableException ex) {
		ProblemDetail problem = withErrors(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot be processed", ex.problems());
		problem.setType(URI.create("https://creditflow.org/problems/unprocessable"));
		problem.setDetail(ex.getMessage());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Forbidden");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unavailable(ServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Not available on this service");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	/** A body sent in chunks to an upload door went past the door's limit. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, ex.getMessage());
		problem.setTitle("Payload Too Large");
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return withErrors(HttpStatus.BAD_REQUEST, "Invalid request",
				List.of(new FieldProblem(ex.getName(), "has an invalid value '" + ex.getValue() + "'")));
	}

	@ExceptionHandler
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> problems = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return withErrors(HttpStatus.BAD_REQUEST, "Invalid request", problems);
	}

	@ExceptionHandler
	ProblemDetail accessDenied(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Your role does not allow this request.");
		problem.setTitle("Forbidden");
		return problem;
	}

	/**
	 * Another request changed the same process at the same moment, and this one was
	 * rolled back whole: sending it again is safe.
	 */
	@ExceptionHandler
	ProblemDetail concurrentChange(OptimisticLockingException ex) {
		log.info("A request lost a race with another change of the same process: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Something else changed the same application at the same moment; nothing was changed. "
						+ "Send the request again.");
		problem.setTitle("Conflict");
		return problem;
	}

	/** Overload, not a fault of the request: the client may try again shortly. */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<ProblemDetail> busy(Exception ex) {
		log.warn("No database connection for a request: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is busy; nothing was changed. Please try again shortly.");
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed on the server; nothing was changed.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = (ex.getCause() instanceof JsonProcessingException json)
				? "The body is not valid JSON: " + json.getOriginalMessage() + ((json.getLocation() != null) ? " (line "
						+ json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")" : "")
				: "The request needs a JSON body.";
		ProblemDetail problem = withErrors(HttpStatus.BAD_REQUEST, "Invalid request",
				List.of(new FieldProblem("(body)", detail)));
		problem.setDetail(detail);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		return handleExceptionInternal(ex, withErrors(HttpStatus.BAD_REQUEST, "Invalid request", problems), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> problems = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, withErrors(HttpStatus.BAD_REQUEST, "Invalid request", problems), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail withErrors(HttpStatus status, String title, List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(INVALID_REQUEST);
		problem.setTitle(title);
		problem.setDetail(problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
				: problems.size() + " fields are invalid.");
		problem.setProperty("errors", problems);
		return problem;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? path : path.substring(dot + 1);
	}

}
