package org.creditflow.mydata;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.creditflow.application.Applicant;
import org.creditflow.mydata.MyDataProperties.Source;
import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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
 * Every failure becomes a {@link MyDataUnavailableException} that says why.
 */
@Component
class MyDataClient {

	private static final Logger log = LoggerFactory.getLogger(MyDataClient.class);

	/** The provider's answer as received (what the snapshot keeps) and what it says. */
	record Answer<T>(String payload, T profile) {
	}

	private final MyDataProperties properties;

	private final Environment environment;

	private final MyDataHealth health;

	private final MeterRegistry meters;

	/**
	 * Providers may add fields; a missing or mistyped field of ours is a malformed
	 * answer.
	 */
	private final ObjectMapper json;

	private final Map<DataSource, RestClient> clients = new EnumMap<>(DataSource.class);

	MyDataClient(MyDataProperties properties, Environment environment, MyDataHealth health, MeterRegistry meters,
			ObjectMapper objectMapper) {
		this.properties = properties;
		this.environment = environment;
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
		return fetch(DataSource.FINANCIAL, applicationId, applicant, FinancialProfile.class);
	}

	Answer<TelecomProfile> telecom(String applicationId, Applicant applicant) {
		return fetch(DataSource.TELECOM, applicationId, applicant, TelecomProfile.class);
	}

	String providerName(DataSource source) {
		return this.properties.source(source).name();
	}

	<T> T read(String payload, Class<T> type) throws IOException {
		return this.json.readValue(payload, type);
	}

	private <T> Answer<T> fetch(DataSource source, String applicationId, Applicant applicant, Class<T> type) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "success";
		try {
			String payload = client(source).post()
				.uri(path(source))
				.header("X-Request-Id", applicationId + "-" + source.name().toLowerCase())
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ProfileRequest(applicant.name(), applicant.birthDate(), applicant.phone()))
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
				.baseUrl(baseUrl(settings).toString())
				.defaultHeader("Authorization", "Bearer " + settings.token())
				.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
				.build();
		});
	}

	/** Without a configured provider, this service's own simulator, over loopback. */
	private URI baseUrl(Source settings) {
		if (settings.baseUrl() != null) {
			return settings.baseUrl();
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return URI.create("http://127.0.0.1:" + port + contextPath + MyDataSimulatorEndpoint.PATH);
	}

	private static String path(DataSource source) {
		return (source == DataSource.FINANCIAL) ? "/financial-profile" : "/telecom-profile";
	}

}
