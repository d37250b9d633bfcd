package org.creditflow.mydata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.creditflow.mydata.SimulatedAnswers.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;

/**
 * The HTTP side of one start of the simulator: only {@code POST} to a profile, only with
 * this start's bearer token. An answer that is due later is handed to a scheduler, and
 * the handler thread goes back to serve the next request at once.
 */
class SimulatorHandler implements HttpHandler {

	private static final Logger log = LoggerFactory.getLogger(SimulatorHandler.class);

	/** A profile request is a name, a date and a phone number; anything larger is not. */
	private static final int MAX_REQUEST_BYTES = 16 * 1024;

	private final DataSource source;

	private final byte[] expectedAuthorization;

	private final SimulatedAnswers answers;

	private final ScheduledExecutorService replies;

	SimulatorHandler(DataSource source, String token, SimulatedAnswers answers, ScheduledExecutorService replies) {
		this.source = source;
		this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		this.answers = answers;
		this.replies = replies;
	}

	@Override
	public void handle(HttpExchange exchange) {
		Answer answer;
		try {
			answer = answer(exchange);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("MyData simulator could not answer a {} request: {}", this.source, ex.toString());
			answer = Answer.now(HttpStatus.INTERNAL_SERVER_ERROR, "");
		}
		if (answer.delay().isZero()) {
			send(exchange, answer);
		}
		else {
			Answer later = answer;
			this.replies.schedule(() -> send(exchange, later), answer.delay().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private Answer answer(HttpExchange exchange) throws IOException {
		if (!exchange.getRequestURI().getPath().equals(ProviderEndpoint.profilePath(this.source))) {
			return Answer.now(HttpStatus.NOT_FOUND, "");
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			return Answer.now(HttpStatus.METHOD_NOT_ALLOWED, "");
		}
		if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
			return Answer.now(HttpStatus.UNAUTHORIZED, "");
		}
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readNBytes(MAX_REQUEST_BYTES + 1);
		}
		if (body.length > MAX_REQUEST_BYTES) {
			return Answer.now(HttpStatus.PAYLOAD_TOO_LARGE, "");
		}
		return this.answers.answer(this.source, body);
	}

	/**
	 * Compared in constant time, so the answer's timing tells nothing about how much of a
	 * guessed token was right.
	 */
	private boolean authorized(@Nullable String authorization) {
		return authorization != null
				&& MessageDigest.isEqual(this.expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, Answer answer) {
		try {
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			if (body.length > 0) {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
			}
			exchange.sendResponseHeaders(answer.status().value(), (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException ex) {
			// the connector stopped waiting (its timeout) and closed the connection
			log.debug("MyData simulator could not send an answer: {}", ex.toString());
		}
		finally {
			exchange.close();
		}
	}

}
