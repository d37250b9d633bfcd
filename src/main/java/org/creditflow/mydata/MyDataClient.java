package org.creditflow.mydata;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.creditflow.application.Applicant;
import org.creditflow.mydata.MyDataProperties.Source;
import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The connector to MyData providers: REST/JSON over HTTP, a bearer token and a timeout
 * per source. It asks for a person's profile by who they are (name, birth date, phone)
 * and returns the provider's answer exactly as it came, with the profile read from it.
 * Every failure becomes a {@link MyDataUnavailableException} that says why. A source
 * without a configured provider is fetched from the built-in simulator, at the address
 * and with the token of its current start.
 */
@Component
class MyDataClient {

	private static final Logger log = LoggerFactory.getLogger(MyDataClient.class);

	/** The provider's answer as received (what the snapshot keeps) and what it says. */
	record Answer<T>(String payload, T profile) {
	}

	private final MyDataProperties properties;

	@Nullable
	private final MyDataSimulatorServer simulator;

	private final MyDataHealth health;

	private final MeterRegistry meters;

	/**
	 * Providers may add fields; a missing or mistyped field of ours is a malformed
	 * answer.
	 */
	private final ObjectMapper json;

	private static final List<String> LAST_USE_FIELDS = List.of("monthsSinceCardUse", "monthsSinceLoan");

	private final Map<DataSource, RestClient> clients = new EnumMap<>(DataSource.class);

	MyDataClient(MyDataProperties properties, @Nullable MyDataSimulatorServer simulator, MyDataHealth health,
			MeterRegistry meters, ObjectMapper objectMapper) {
		this.properties = properties;
		this.simulator = simulator;
		this.health = health;
		this.meters = meters;
		this.json = objectMapper.copy()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
		// parse errors must not quote the payload into logs and incidents
		this.json.getFactory().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
	}

	Answer<FinancialProfile> financial(String applicationId, Applicant applicant) {
		return fetch(DataSource.FINANCIAL, applicationId, ProfileRequest.of(applicant), FinancialProfile.class);
	}

	Answer<TelecomProfile> telecom(String applicationId, Applicant applicant) {
		return fetch(DataSource.TELECOM, applicationId, ProfileRequest.of(applicant), TelecomProfile.class);
	}

	/** The source's profile of this person, for the application of that id. */
	Answer<?> fetch(DataSource source, String applicationId, ProfileRequest person) {
		return fetch(source, applicationId, person, profileType(source));
	}

	static Class<?> profileType(DataSource source) {
		return (source == DataSource.FINANCIAL) ? FinancialProfile.class : TelecomProfile.class;
	}

	String providerName(DataSource source) {
		return this.properties.source(source).name();
	}

	<T> T read(String payload, Class<T> type) throws IOException {
		if (type != FinancialProfile.class) {
			return this.json.readValue(payload, type);
		}
		// Every field is required but the months since the last card use and loan, which
		// snapshots stored before they existed lack, as may providers that do not keep
		// them: absent, they read as "in use now", so the thin file rests on the first
		// credit line alone, as it did before.
		if (!(this.json.readTree(payload) instanceof ObjectNode fields)) {
			return this.json.readValue(payload, type);
		}
		LAST_USE_FIELDS.forEach((field) -> fields.putIfAbsent(field, IntNode.valueOf(0)));
		return this.json.treeToValue(fields, type);
	}

	private <T> Answer<T> fetch(DataSource source, String applicationId, ProfileRequest person, Class<T> type) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "success";
		try {
			ProviderEndpoint provider = endpoint(source);
			String payload = client(source).post()
				.uri(provider.profile(source))
				.headers((headers) -> headers.setBearerAuth(provider.token()))
				.header("X-Request-Id", applicationId + "-" + source.name().toLowerCase())
				.contentType(MediaType.APPLICATION_JSON)
				.body(person)
				.retrieve()
				.body(String.class);
			if (payload == null || payload.isBlank()) {
				throw new MyDataUnavailableException(source, Reason.MALFORMED, "empty answer", null);
			}
			T profile = read(payload, type);
			this.health.succeeded(source);
			return new Answer<>(payload, profile);
		}
		catch (RuntimeException | IOException ex) {
			MyDataUnavailableException unavailable = classify(source, ex);
			outcome = unavailable.reason().name().toLowerCase();
			this.health.failed(source, unavailable);
			log.warn("Application {}: {} provider failed: {}", applicationId, source, unavailable.getMessage());
			throw unavailable;
		}
		finally {
			sample.stop(Timer.builder("creditflow.mydata.fetch")
				.description("MyData fetches by source and outcome")
				.tag("source", source.name().toLowerCase())
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	private static MyDataUnavailableException classify(DataSource source, Exception ex) {
		if (ex instanceof MyDataUnavailableException unavailable) {
			return unavailable;
		}
		if (ex instanceof HttpServerErrorException error) {
			return new MyDataUnavailableException(source, Reason.SERVER_ERROR, error.getStatusCode().toString(), ex);
		}
		if (ex instanceof HttpClientErrorException error) {
			return new MyDataUnavailableException(source, Reason.REJECTED, error.getStatusCode().toString(), ex);
		}
		if (ex instanceof ResourceAccessException access) {
			Throwable cause = access.getCause();
			if (cause instanceof HttpTimeoutException) {
				return new MyDataUnavailableException(source, Reason.TIMEOUT, "no answer in time", ex);
			}
			if (cause instanceof ConnectException) {
				return new MyDataUnavailableException(source, Reason.UNREACHABLE, "connection refused", ex);
			}
			return new MyDataUnavailableException(source, Reason.UNREACHABLE, String.valueOf(cause), ex);
		}
		if (ex instanceof IOException || ex instanceof RestClientException) {
			return new MyDataUnavailableException(source, Reason.MALFORMED, "not a valid profile", ex);
		}
		return new MyDataUnavailableException(source, Reason.UNREACHABLE, ex.toString(), ex);
	}

	private synchronized RestClient client(DataSource source) {
		return this.clients.computeIfAbsent(source, (key) -> {
			Source settings = this.properties.source(key);
			HttpClient http = HttpClient.newBuilder()
				.connectTimeout(settings.timeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
			requests.setReadTimeout(settings.timeout());
			return RestClient.builder()
				.requestFactory(requests)
				.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
				.build();
		});
	}

	/**
	 * The configured provider, else the simulator as it runs now: asked on every fetch,
	 * since each start of the simulator has a new port and token.
	 */
	private ProviderEndpoint endpoint(DataSource source) {
		Source settings = this.properties.source(source);
		if (settings.baseUrl() != null) {
			// validated: a base URL always comes with its token
			return new ProviderEndpoint(settings.baseUrl(), Objects.requireNonNullElse(settings.token(), ""));
		}
		if (this.simulator == null) {
			throw new IllegalStateException("no provider configured for " + source + " and no simulator");
		}
		return this.simulator.endpoint();
	}

}
