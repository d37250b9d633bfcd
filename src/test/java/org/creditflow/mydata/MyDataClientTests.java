package org.creditflow.mydata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.creditflow.application.Applicant;
import org.creditflow.application.EmploymentType;
import org.creditflow.mydata.MyDataProperties.CollectedBy;
import org.creditflow.mydata.MyDataProperties.PayloadPurge;
import org.creditflow.mydata.MyDataProperties.Simulator;
import org.creditflow.mydata.MyDataProperties.Source;
import org.creditflow.mydata.MyDataProperties.WhenUnavailable;
import org.creditflow.mydata.MyDataUnavailableException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Status;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The MyData connector against a real HTTP server that answers well, slowly, with errors,
 * with garbage, or not at all, and against the built-in simulator.
 */
class MyDataClientTests {

	private static final Applicant APPLICANT = new Applicant("김민지", LocalDate.of(1990, 4, 12), "010-1234-5670", null,
			EmploymentType.SALARIED, 48_000_000);

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MyDataHealth health = new MyDataHealth(Clock.systemUTC(), this.meters);

	private final List<HttpExchange> received = new CopyOnWriteArrayList<>();

	private HttpServer provider;

	private MyDataSimulatorServer simulator;

	@AfterEach
	void stopProvider() {
		if (this.provider != null) {
			this.provider.stop(0);
		}
		if (this.simulator != null) {
			this.simulator.stop();
		}
	}

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@Test
	void shouldFetchAProfileWithTheBearerTokenAndKeepTheAnswerAsReceived() throws Exception {
		String answer = this.json.writeValueAsString(new MyDataSimulator()
			.fetchTelecom(new ProfileRequest(APPLICANT.name(), APPLICANT.birthDate(), APPLICANT.phone())));
		MyDataClient client = client(answering(200, answer, Duration.ZERO));

		MyDataClient.Answer<TelecomProfile> fetched = client.telecom("app-1", APPLICANT);

		assertThat(fetched.payload()).isEqualTo(answer);
		assertThat(fetched.profile().monthsOfTenure()).isPositive();
		HttpExchange request = this.received.get(0);
		assertThat(request.getRequestURI().getPath()).isEqualTo("/mydata/telecom-profile");
		assertThat(request.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer secret");
		assertThat(request.getRequestHeaders().getFirst("X-Request-Id")).isEqualTo("app-1-telecom");
		assertThat(this.meters.get("creditflow.mydata.fetch").tag("outcome", "success").timer().count()).isOne();
	}

	@Test
	void shouldFetchFromTheRunningSimulatorWithItsTokenWhenNoProviderIsConfigured() {
		MyDataProperties properties = simulatedSources();
		this.simulator = new MyDataSimulatorServer(properties, this.json, validation.getValidator());
		this.simulator.start();
		MyDataClient client = clientOf(this.simulator, properties);
		ProfileRequest person = new ProfileRequest(APPLICANT.name(), APPLICANT.birthDate(), APPLICANT.phone());

		FinancialProfile first = client.financial("app-1", APPLICANT).profile();
		// a new start listens on another port and takes another token
		this.simulator.stop();
		this.simulator.start();
		FinancialProfile afterRestart = client.financial("app-1", APPLICANT).profile();

		assertThat(first).isEqualTo(afterRestart).isEqualTo(new MyDataSimulator().fetchFinancial(person));
		assertThat(client.providerName(DataSource.FINANCIAL)).isEqualTo(MyDataSimulator.NAME);
	}

	@Test
	void shouldReportTheSimulatorUnreachableWhileItIsStopped() {
		MyDataProperties properties = simulatedSources();
		this.simulator = new MyDataSimulatorServer(properties, this.json, validation.getValidator());

		assertUnavailable(() -> clientOf(this.simulator, properties).telecom("app-1", APPLICANT), Reason.UNREACHABLE);
	}

	@Test
	void shouldAcceptFieldsTheContractDoesNotKnowYet() throws Exception {
		String answer = this.json
			.writeValueAsString(new MyDataSimulator()
				.fetchTelecom(new ProfileRequest(APPLICANT.name(), APPLICANT.birthDate(), APPLICANT.phone())))
			.replaceFirst("\\{", "{\"loyaltyTier\": \"GOLD\", ");

		assertThat(client(answering(200, answer, Duration.ZERO)).telecom("app-1", APPLICANT).profile()).isNotNull();
	}

	@Test
	void shouldGiveUpOnAProviderThatAnswersTooSlowly() throws Exception {
		MyDataClient client = client(answering(200, "{}", Duration.ofSeconds(2)));

		assertUnavailable(() -> client.telecom("app-1", APPLICANT), Reason.TIMEOUT);
	}

	@Test
	void shouldReportServerErrors() throws Exception {
		MyDataClient client = client(answering(503, "", Duration.ZERO));

		assertUnavailable(() -> client.financial("app-1", APPLICANT), Reason.SERVER_ERROR);
	}

	@Test
	void shouldReportARefusedToken() throws Exception {
		MyDataClient client = client(answering(401, "", Duration.ZERO));

		assertUnavailable(() -> client.financial("app-1", APPLICANT), Reason.REJECTED);
	}

	@Test
	void shouldReportMalformedJson() throws Exception {
		MyDataClient client = client(
				answering(200, "{\"carrier\": \"SKT\", \"monthsOfTenure\": \"many\"", Duration.ZERO));

		assertUnavailable(() -> client.telecom("app-1", APPLICANT), Reason.MALFORMED);
	}

	@Test
	void shouldReportAProfileWithMissingFields() throws Exception {
		MyDataClient client = client(answering(200, "{\"carrier\": \"SKT\"}", Duration.ZERO));

		assertUnavailable(() -> client.telecom("app-1", APPLICANT), Reason.MALFORMED);
	}

	@Test
	void shouldReadBankDataWithoutTheMonthsSinceLastUseAsInUseNow() throws Exception {
		ProfileRequest person = new ProfileRequest(APPLICANT.name(), APPLICANT.birthDate(), APPLICANT.phone());
		FinancialProfile full = new MyDataSimulator().fetchFinancial(person);
		// as a snapshot stored before the fields existed, or a provider that does not
		// keep them
		String older = this.json.writeValueAsString(full).replaceAll(",?\"monthsSince(CardUse|Loan)\":\\d+", "");
		assertThat(older).doesNotContain("monthsSinceCardUse").contains("bureauScore");

		FinancialProfile read = client(answering(200, older, Duration.ZERO)).financial("app-1", APPLICANT).profile();

		assertThat(read.monthsSinceCardUse()).isZero();
		assertThat(read.monthsSinceLoan()).isZero();
		assertThat(read.thinFile()).isEqualTo(full.monthsSinceFirstCreditLine() == 0);
		MyDataClient withoutScore = client(
				answering(200, older.replaceAll(",?\"bureauScore\":\\d+", ""), Duration.ZERO));
		assertUnavailable(() -> withoutScore.financial("app-1", APPLICANT), Reason.MALFORMED);
	}

	@Test
	void shouldReportAnEmptyAnswer() throws Exception {
		MyDataClient client = client(answering(200, "", Duration.ZERO));

		assertUnavailable(() -> client.telecom("app-1", APPLICANT), Reason.MALFORMED);
	}

	@Test
	void shouldReportAProviderThatIsNotThere() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		assertUnavailable(
				() -> client(URI.create("http://127.0.0.1:" + closedPort + "/mydata")).financial("app-1", APPLICANT),
				Reason.UNREACHABLE);
	}

	@Test
	void shouldShowAProviderThatKeepsFailingAsDegraded() throws Exception {
		MyDataClient client = client(answering(503, "", Duration.ZERO));
		for (int i = 0; i < MyDataHealth.FAILURES_FOR_DEGRADED; i++) {
			assertUnavailable(() -> client.financial("app-1", APPLICANT), Reason.SERVER_ERROR);
		}

		assertThat(this.health.health().getStatus()).isEqualTo(MyDataHealth.DEGRADED);
		assertThat(this.health.health().getDetails()).containsKey("financial");
		assertThat(this.meters.get("creditflow.mydata.fetch").tag("outcome", "server_error").timer().count())
			.isEqualTo(MyDataHealth.FAILURES_FOR_DEGRADED);
		assertThat(gauge("creditflow.mydata.consecutive.failures", "financial"))
			.isEqualTo(MyDataHealth.FAILURES_FOR_DEGRADED);
		assertThat(gauge("creditflow.mydata.degraded", "financial")).isEqualTo(1);
		assertThat(gauge("creditflow.mydata.degraded", "telecom")).isZero();
	}

	@Test
	void shouldBeHealthyAgainOnceTheProviderAnswers() throws Exception {
		this.health.failed(DataSource.TELECOM,
				new MyDataUnavailableException(DataSource.TELECOM, Reason.TIMEOUT, "slow", null));
		this.health.failed(DataSource.TELECOM,
				new MyDataUnavailableException(DataSource.TELECOM, Reason.TIMEOUT, "slow", null));
		this.health.failed(DataSource.TELECOM,
				new MyDataUnavailableException(DataSource.TELECOM, Reason.TIMEOUT, "slow", null));
		assertThat(gauge("creditflow.mydata.degraded", "telecom")).isEqualTo(1);
		this.health.succeeded(DataSource.TELECOM);

		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(gauge("creditflow.mydata.consecutive.failures", "telecom")).isZero();
		assertThat(gauge("creditflow.mydata.degraded", "telecom")).isZero();
	}

	private double gauge(String name, String source) {
		return this.meters.get(name).tag("source", source).gauge().value();
	}

	private void assertUnavailable(Runnable fetch, Reason reason) {
		assertThatExceptionOfType(MyDataUnavailableException.class).isThrownBy(fetch::run)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(APPLICANT.name(), APPLICANT.phone()));
	}

	private URI answering(int status, String body, Duration delay) throws IOException {
		this.provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.provider.createContext("/mydata", (exchange) -> {
			this.received.add(exchange);
			exchange.getRequestBody().readAllBytes();
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.provider.start();
		return URI.create("http://127.0.0.1:" + this.provider.getAddress().getPort() + "/mydata");
	}

	private MyDataClient client(URI baseUrl) {
		Source source = new Source(baseUrl, "secret", "test-provider", Duration.ofMillis(800), WhenUnavailable.MISSING,
				CollectedBy.ENGINE);
		MyDataProperties properties = new MyDataProperties("R2/PT1S", source, source,
				new Simulator(false, Duration.ZERO, Duration.ZERO, 0.6), Duration.ofDays(90),
				new PayloadPurge("0 30 2 * * ?", 1000));
		return new MyDataClient(properties, null, this.health, this.meters, this.json);
	}

	private MyDataClient clientOf(MyDataSimulatorServer simulator, MyDataProperties properties) {
		return new MyDataClient(properties, simulator, this.health, this.meters, this.json);
	}

	private static MyDataProperties simulatedSources() {
		Source simulated = new Source(null, null, MyDataSimulator.NAME, Duration.ofSeconds(2), WhenUnavailable.MISSING,
				CollectedBy.ENGINE);
		return new MyDataProperties("R2/PT1S", simulated, simulated,
				new Simulator(true, Duration.ZERO, Duration.ZERO, 0.6), Duration.ofDays(90),
				new PayloadPurge("0 30 2 * * ?", 1000));
	}

}
