package org.creditflow.backtest;

import java.net.URI;

import org.creditflow.backtest.BacktestQueue.QueueFullException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The backtest API's own refusals as problem+json: a request with problems (each named, a
 * file's by row and column) and a full queue. Ahead of the service-wide handlers, whose
 * catch-all would otherwise answer first.
 */
@RestControllerAdvice(assignableTypes = BacktestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BacktestProblems {

	/** How long a refused request is told to wait: a small backtest takes about that. */
	static final String RETRY_AFTER_SECONDS = "60";

	@ExceptionHandler
	ProblemDetail invalid(InvalidBacktestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.detail());
		problem.setType(URI.create("https://creditflow.org/problems/invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", ex.problems());
		if (ex.rows() != null) {
			problem.setProperty("rows", ex.rows());
			problem.setProperty("rowsWithProblems", ex.rowsWithProblems());
		}
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> queueFull(QueueFullException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Too many backtests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
