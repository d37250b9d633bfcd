package org.creditflow.mydata;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in simulator served the way a MyData provider is: REST/JSON behind a bearer
 * token. The connector reaches it over loopback unless real providers are configured.
 *
 * <p>
 * So that testers can reach every fault path on purpose, the middle block of the phone
 * number turns the provider faulty: {@code 0000} financial data down, {@code 0001}
 * telecom down, {@code 0002} telecom too slow, {@code 0003} telecom answers malformed
 * JSON, {@code 0004} telecom down for the first request then back, {@code 0005} financial
 * down for the first two requests then back.
 */
@Hidden
@RestController
@RequestMapping(path = MyDataSimulatorEndpoint.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "creditflow.mydata.simulator.enabled", matchIfMissing = true)
class MyDataSimulatorEndpoint {

	static final String PATH = "/mydata-simulator";

	private final MyDataSimulator simulator;

	private final MyDataProperties properties;

	/** Requests seen per person and source, for the faults that heal after a while. */
	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	MyDataSimulatorEndpoint(MyDataSimulator simulator, MyDataProperties properties) {
		this.simulator = simulator;
		this.properties = properties;
	}

	@PostMapping("/financial-profile")
	ResponseEntity<?> financial(@RequestHeader(name = "Authorization", required = false) String authorization,
			@Valid @RequestBody ProfileRequest request) {
		if (!authorized(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return switch (fault(request)) {
			case "0000" -> unavailable();
			case "0005" -> (seen(request, DataSource.FINANCIAL) <= 2) ? unavailable()
					: ResponseEntity.ok(this.simulator.fetchFinancial(request));
			default -> ResponseEntity.ok(this.simulator.fetchFinancial(request));
		};
	}

	@PostMapping("/telecom-profile")
	ResponseEntity<?> telecom(@RequestHeader(name = "Authorization", required = false) String authorization,
			@Valid @RequestBody ProfileRequest request) throws InterruptedException {
		if (!authorized(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		return switch (fault(request)) {
			case "0001" -> unavailable();
			case "0002" -> {
				Thread.sleep(this.properties.simulator().slowAnswer().toMillis());
				yield ResponseEntity.ok(this.simulator.fetchTelecom(request));
			}
			case "0003" -> ResponseEntity.ok("{\"carrier\": \"SKT\", \"monthsOfTenure\": \"many\"");
			case "0004" -> (seen(request, DataSource.TELECOM) <= 1) ? unavailable()
					: ResponseEntity.ok(this.simulator.fetchTelecom(request));
			default -> ResponseEntity.ok(this.simulator.fetchTelecom(request));
		};
	}

	private boolean authorized(String authorization) {
		return ("Bearer " + this.properties.simulator().token()).equals(authorization);
	}

	private int seen(ProfileRequest request, DataSource source) {
		return this.requests.computeIfAbsent(source + "|" + request.phone(), (key) -> new AtomicInteger())
			.incrementAndGet();
	}

	private static String fault(ProfileRequest request) {
		String digits = request.phone().replace("-", "");
		return (digits.length() >= 8) ? digits.substring(digits.length() - 8, digits.length() - 4) : "";
	}

	private static ResponseEntity<?> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
	}

}
