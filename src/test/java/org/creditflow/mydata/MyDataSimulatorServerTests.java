package org.creditflow.mydata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.creditflow.mydata.MyDataProperties.CollectedBy;
import org.creditflow.mydata.MyDataProperties.PayloadPurge;
import org.creditflow.mydata.MyDataProperties.Simulator;
import org.creditflow.mydata.MyDataProperties.Source;
import org.creditflow.mydata.MyDataProperties.WhenUnavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built-in simulator as the connector meets it: its own HTTP server on loopback, a
 * token of its own at every start, the documented faults, and slow answers that do not
 * keep a thread waiting.
 */
class MyDataSimulatorServerTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(PATIENCE)
		.build();

	private final List<MyDataSimulatorServer> started = new ArrayList<>();

	@AfterEach
	void stopSimulators() {
		this.started.forEach(MyDataSimulatorServer::stop);
	}

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@Test
	void shouldListenOnTheLoopbackAddressOnly() {
		MyDataSimulatorServer simulator = start(Duration.ZERO);

		assertThat(simulator.address().getAddress().isLoopbackAddress()).isTrue();
		assertThat(simulator.address().getPort()).isPositive();
		assertThat(simulator.endpoint().baseUrl().getHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void shouldAnswerAProfileToTheTokenOfThisStart() throws Exception {
		MyDataSimulatorServer simulator = start(Duration.ZERO);
		ProfileRequest person = person("010-1234-5670");

		HttpResponse<String> answer = post(simulator, DataSource.FINANCIAL, person,
				"Bearer " + simulator.endpoint().token());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(this.json.readValue(answer.body(), FinancialProfile.class))
			.isEqualTo(new MyDataSimulator().fetchFinancial(person));
	}

	@Test
	void shouldRefuseARequestWithoutTheTokenOrWithAWrongOne() throws Exception {
		MyDataSimulatorServer simulator = start(Duration.ZERO);
		String token = simulator.endpoint().token();
		ProfileRequest person = person("010-1234-5670");

		assertThat(post(simulator, DataSource.FINANCIAL, person, null).statusCode()).isEqualTo(401);
		assertThat(post(simulator, DataSource.FINANCIAL, person, "Bearer simulator-token").statusCode()).isEqualTo(401);
		assertThat(post(simulator, DataSource.TELECOM, person, "Bearer " + token.substring(1)).statusCode())
			.isEqualTo(401);
		assertThat(post(simulator, DataSource.TELECOM, person, token).statusCode()).isEqualTo(401);
		assertThat(post(simulator, DataSource.TELECOM, person, "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldMakeANewTokenAtEveryStart() throws Exception {
		MyDataSimulatorServer first = start(Duration.ZERO);
		MyDataSimulatorServer second = start(Duration.ZERO);
		String firstToken = first.endpoint().token();

		first.stop();
		first.start();

		assertThat(firstToken).isNotEqualTo(second.endpoint().token())
			.isNotEqualTo(first.endpoint().token())
			// 32 random bytes, base64url without padding
			.hasSize(43);
		assertThat(post(first, DataSource.FINANCIAL, person("010-1234-5670"), "Bearer " + firstToken).statusCode())
			.isEqualTo(401);
	}

	@Test
	void shouldNotShowTheTokenWhenItsEndpointIsPrinted() {
		ProviderEndpoint endpoint = start(Duration.ZERO).endpoint();

		assertThat(endpoint.toString()).contains(endpoint.baseUrl().toString()).doesNotContain(endpoint.token());
	}

	@Test
	void shouldRefuseWhatIsNotAProfileRequest() throws Exception {
		MyDataSimulatorServer simulator = start(Duration.ZERO);
		String bearer = "Bearer " + simulator.endpoint().token();

		assertThat(send(simulator, "/financial-profile", bearer, "{\"name\": \"김민지\"}").statusCode()).isEqualTo(400);
		assertThat(send(simulator, "/financial-profile", bearer, "not json").statusCode()).isEqualTo(400);
		assertThat(send(simulator, "/financial-profile/more", bearer, body(person("010-1234-5670"))).statusCode())
			.isEqualTo(404);
		assertThat(this.http
			.send(HttpRequest.newBuilder(simulator.endpoint().profile(DataSource.FINANCIAL))
				.header("Authorization", bearer)
				.GET()
				.build(), BodyHandlers.ofString())
			.statusCode()).isEqualTo(405);
	}

	@Test
	void shouldMisbehaveAsTheMiddleBlockOfThePhoneNumberAsks() throws Exception {
		MyDataSimulatorServer simulator = start(Duration.ZERO);
		String bearer = "Bearer " + simulator.endpoint().token();

		assertThat(statuses(simulator, DataSource.FINANCIAL, "010-0000-1230", bearer, 3)).containsExactly(503, 503,
				503);
		assertThat(statuses(simulator, DataSource.TELECOM, "010-0000-1230", bearer, 1)).containsExactly(200);
		assertThat(statuses(simulator, DataSource.TELECOM, "010-0001-1230", bearer, 3)).containsExactly(503, 503, 503);
		assertThat(statuses(simulator, DataSource.FINANCIAL, "010-0001-1230", bearer, 1)).containsExactly(200);
		assertThat(post(simulator, DataSource.TELECOM, person("010-0003-1230"), bearer).body())
			.isEqualTo("{\"carrier\": \"SKT\", \"monthsOfTenure\": \"many\"");
		assertThat(statuses(simulator, DataSource.TELECOM, "010-0004-1230", bearer, 3)).containsExactly(503, 200, 200);
		assertThat(statuses(simulator, DataSource.FINANCIAL, "010-0005-1230", bearer, 4)).containsExactly(503, 503, 200,
				200);
	}

	@Test
	void shouldAnswerTheSlowTelecomProviderOnlyAfterTheSlowAnswerTime() throws Exception {
		Duration slowAnswer = Duration.ofMillis(300);
		MyDataSimulatorServer simulator = start(slowAnswer);
		ProfileRequest person = person("010-0002-1230");
		long sent = System.nanoTime();

		HttpResponse<String> answer = post(simulator, DataSource.TELECOM, person,
				"Bearer " + simulator.endpoint().token());

		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(slowAnswer);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(this.json.readValue(answer.body(), TelecomProfile.class))
			.isEqualTo(new MyDataSimulator().fetchTelecom(person));
	}

	@Test
	void shouldTakeItsLatencyForEveryProfileItAnswersWith() throws Exception {
		Duration latency = Duration.ofMillis(300);
		MyDataSimulatorServer simulator = start(Duration.ofSeconds(10), latency);
		long sent = System.nanoTime();

		HttpResponse<String> answer = post(simulator, DataSource.FINANCIAL, person("010-1234-5670"),
				"Bearer " + simulator.endpoint().token());

		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(latency);
		assertThat(answer.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldKeepAnsweringWhileMoreSlowAnswersWaitThanItHasThreads() throws Exception {
		// far longer than the test: no slow answer can arrive while it runs
		MyDataSimulatorServer simulator = start(Duration.ofHours(1));
		String bearer = "Bearer " + simulator.endpoint().token();
		int slowRequests = MyDataSimulatorServer.HANDLER_THREADS * 3;
		List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
		for (int i = 0; i < slowRequests; i++) {
			// no timeout of their own: they wait until the simulator stops
			slow.add(this.http.sendAsync(
					request(simulator, DataSource.TELECOM, person("010-0002-100" + i), bearer).build(),
					BodyHandlers.ofString()));
		}
		await().atMost(PATIENCE).until(simulator::slowAnswersWaiting, (waiting) -> waiting == slowRequests);

		HttpResponse<String> fast = post(simulator, DataSource.FINANCIAL, person("010-1234-5670"), bearer);

		assertThat(fast.statusCode()).isEqualTo(200);
		assertThat(slow).noneMatch(CompletableFuture::isDone);
		assertThat(simulator.slowAnswersWaiting()).isEqualTo(slowRequests);
	}

	private MyDataSimulatorServer start(Duration slowAnswer) {
		return start(slowAnswer, Duration.ZERO);
	}

	private MyDataSimulatorServer start(Duration slowAnswer, Duration latency) {
		Source simulated = new Source(null, null, MyDataSimulator.NAME, Duration.ofSeconds(2), WhenUnavailable.MISSING,
				CollectedBy.ENGINE);
		MyDataSimulatorServer simulator = new MyDataSimulatorServer(
				new MyDataProperties("R2/PT1S", simulated, simulated, new Simulator(true, slowAnswer, latency, 0.6),
						Duration.ofDays(90), new PayloadPurge("0 30 2 * * ?", 1000)),
				this.json, validation.getValidator());
		simulator.start();
		this.started.add(simulator);
		return simulator;
	}

	private List<Integer> statuses(MyDataSimulatorServer simulator, DataSource source, String phone,
			String authorization, int requests) throws Exception {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			statuses.add(post(simulator, source, person(phone), authorization).statusCode());
		}
		return statuses;
	}

	private HttpResponse<String> post(MyDataSimulatorServer simulator, DataSource source, ProfileRequest person,
			String authorization) throws Exception {
		return this.http.send(request(simulator, source, person, authorization).timeout(PATIENCE).build(),
				BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(MyDataSimulatorServer simulator, DataSource source, ProfileRequest person,
			String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(simulator.endpoint().profile(source))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body(person)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private HttpResponse<String> send(MyDataSimulatorServer simulator, String path, String authorization, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(simulator.endpoint().baseUrl() + path))
			.timeout(PATIENCE)
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private String body(ProfileRequest person) throws Exception {
		return this.json.writeValueAsString(person);
	}

	private static ProfileRequest person(String phone) {
		return new ProfileRequest("김민지", LocalDate.of(1990, 4, 12), phone);
	}

}
