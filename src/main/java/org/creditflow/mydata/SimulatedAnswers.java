package org.creditflow.mydata;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;

/**
 * What the built-in simulator answers, as a MyData provider would: the profile
 * {@link MyDataSimulator} draws for the person, unless the middle block of the phone
 * number asks the provider to misbehave, so that testers can reach every fault path on
 * purpose: {@code 0000} financial data down, {@code 0001} telecom down, {@code 0002}
 * telecom too slow, {@code 0003} telecom answers malformed JSON, {@code 0004} telecom
 * down for the first request then back, {@code 0005} financial down for the first two
 * requests then back.
 */
class SimulatedAnswers {

	/**
	 * One answer: the HTTP status, the body (empty for none) and how long the provider
	 * takes before it sends it.
	 */
	record Answer(HttpStatus status, String body, Duration delay) {

		static Answer now(HttpStatus status, String body) {
			return new Answer(status, body, Duration.ZERO);
		}

	}

	private static final String MALFORMED_TELECOM = "{\"carrier\": \"SKT\", \"monthsOfTenure\": \"many\"";

	private final MyDataSimulator simulator;

	private final ObjectMapper json;

	private final Validator validator;

	private final Duration slowAnswer;

	private final Duration latency;

	/** Requests seen per person and source, for the faults that heal after a while. */
	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	SimulatedAnswers(MyDataSimulator simulator, ObjectMapper json, Validator validator, Duration slowAnswer,
			Duration latency) {
		this.simulator = simulator;
		this.json = json;
		this.validator = validator;
		this.slowAnswer = slowAnswer;
		this.latency = latency;
	}

	/** The answer to a request whose body is the JSON of a {@link ProfileRequest}. */
	Answer answer(DataSource source, byte[] body) {
		ProfileRequest request;
		try {
			request = this.json.readValue(body, ProfileRequest.class);
		}
		catch (IOException ex) {
			return Answer.now(HttpStatus.BAD_REQUEST, "");
		}
		if (request == null || !this.validator.validate(request).isEmpty()) {
			return Answer.now(HttpStatus.BAD_REQUEST, "");
		}
		return (source == DataSource.FINANCIAL) ? financial(request) : telecom(request);
	}

	private Answer financial(ProfileRequest request) {
		return switch (fault(request)) {
			case "0000" -> unavailable();
			case "0005" -> (seen(request, DataSource.FINANCIAL) <= 2) ? unavailable()
					: profile(this.simulator.fetchFinancial(request));
			default -> profile(this.simulator.fetchFinancial(request));
		};
	}

	private Answer telecom(ProfileRequest request) {
		return switch (fault(request)) {
			case "0001" -> unavailable();
			case "0002" -> new Answer(HttpStatus.OK, json(this.simulator.fetchTelecom(request)), this.slowAnswer);
			case "0003" -> Answer.now(HttpStatus.OK, MALFORMED_TELECOM);
			case "0004" -> (seen(request, DataSource.TELECOM) <= 1) ? unavailable()
					: profile(this.simulator.fetchTelecom(request));
			default -> profile(this.simulator.fetchTelecom(request));
		};
	}

	private int seen(ProfileRequest request, DataSource source) {
		return this.requests.computeIfAbsent(source + "|" + request.phone(), (key) -> new AtomicInteger())
			.incrementAndGet();
	}

	private static String fault(ProfileRequest request) {
		String digits = request.phone().replace("-", "");
		return (digits.length() >= 8) ? digits.substring(digits.length() - 8, digits.length() - 4) : "";
	}

	private Answer profile(Object profile) {
		return new Answer(HttpStatus.OK, json(profile), this.latency);
	}

	private String json(Object profile) {
		try {
			return this.json.writeValueAsString(profile);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a simulated profile could not be written as JSON", ex);
		}
	}

	private static Answer unavailable() {
		return Answer.now(HttpStatus.SERVICE_UNAVAILABLE, "");
	}

}
