package org.creditflow.security;

import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What someone guessing passwords, or forging requests from another site, runs into. Each
 * test plays its clients from its own addresses (X-Forwarded-For, trusted from loopback
 * in the test configuration) and its own users, so no failure here locks out another
 * test's user or address.
 */
@CreditflowIntegrationTest
class SignInAttackTests {

	private static final String SIGNED_IN_ONLY = "/engine-rest/process-definition/count";

	private static final String PBKDF2 = "{PBKDF2-SHA256}600000:";

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate http;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	@Test
	void shouldLockAnAccountOnlyForAWhileAfterAFailedSignIn() {
		createUser("lockedbriefly", "Briefly-Locked-1");
		String address = "192.0.2.11";

		assertThat(signIn("lockedbriefly", "wrong", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(signIn("lockedbriefly", "Briefly-Locked-1", address)).as("locked for a few seconds")
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> signIn("lockedbriefly", "Briefly-Locked-1", address), HttpStatus.OK::equals);
	}

	@Test
	void shouldGrowTheLockWithEachFailureUpToFiveMinutesAndNeverLockForGood() {
		createUser("oftenwrong", "Often-Wrong-22");
		String address = "192.0.2.12";

		// an account that failed 20 times (Camunda's default locks for good at 10)
		failedBefore("oftenwrong", 20);
		assertThat(signIn("oftenwrong", "Often-Wrong-22", address)).isEqualTo(HttpStatus.OK);

		failedBefore("oftenwrong", 1);
		signIn("oftenwrong", "wrong", address);
		Duration secondFailure = lockLeft("oftenwrong");
		failedBefore("oftenwrong", 3);
		signIn("oftenwrong", "wrong", address);
		Duration fourthFailure = lockLeft("oftenwrong");
		failedBefore("oftenwrong", 20);
		signIn("oftenwrong", "wrong", address);
		Duration twentyFirstFailure = lockLeft("oftenwrong");

		// 3 s, doubling with each failure: 6 s at the second, 24 s at the fourth, capped
		// at 5 minutes
		assertThat(secondFailure).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
		assertThat(fourthFailure).isBetween(Duration.ofSeconds(22), Duration.ofSeconds(24));
		assertThat(twentyFirstFailure).isBetween(Duration.ofSeconds(290), Duration.ofMinutes(5));
	}

	@Test
	void shouldCheckAPasswordSetThroughCamundasRestApiAgainstThePolicy() {
		ResponseEntity<String> weak = client().post()
			.uri("/engine-rest/user/create")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"profile\":{\"id\":\"weakling\"},\"credentials\":{\"password\":\"weakling\"}}")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> strong = client().post()
			.uri("/engine-rest/user/create")
			.headers((headers) -> headers.setBasicAuth("admin", "admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"profile\":{\"id\":\"strongling\"},\"credentials\":{\"password\":\"Strong-Ling-42\"}}")
			.retrieve()
			.toEntity(String.class);
		assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(weak.getBody()).contains("Password does not match policy: its rules are at");
		assertThat(this.identity.createUserQuery().userId("weakling").count()).isZero();
		assertThat(strong.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(user("strongling").getPassword()).startsWith(PBKDF2);
	}

	@Test
	void shouldStopOneAddressGuessingWhileThePartnerSignsInFromAnother() {
		createUser("targetpartner", "Target-Partner-3");
		String guesser = "203.0.113.66";
		String partner = "198.51.100.20";

		for (int guess = 1; guess <= 10; guess++) {
			assertThat(signIn("targetpartner", "guess" + guess, guesser)).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		ResponseEntity<String> blocked = request("targetpartner", "guess11", guesser);

		assertThat(blocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(blocked.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(Long.parseLong(blocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(800L, 900L);

		// the lock from the guesser's first failures lasts seconds
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> signIn("targetpartner", "Target-Partner-3", partner), HttpStatus.OK::equals);

		// the blocked address's guesses never reach the password check: no new lock
		assertThat(signIn("targetpartner", "guess12", guesser)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(signIn("targetpartner", "Target-Partner-3", guesser)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(user("targetpartner").getAttempts()).isZero();
		assertThat(signIn("targetpartner", "Target-Partner-3", partner)).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldStorePasswordsAsSaltedPbkdf2AndUpgradeAnOldSha512HashAtSignIn() {
		createUser("newhash", "New-Hash-Here-4");
		createUser("oldhash", "Old-Hash-There-5");
		String salt = "c2FsdHlzYWx0eXNhbHR5";
		this.jdbc.update("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = 'oldhash'",
				"{SHA-512}" + new Sha512HashDigest().encrypt("Old-Hash-There-5" + salt), salt);

		assertThat(user("newhash").getPassword()).startsWith(PBKDF2);
		assertThat(signIn("newhash", "New-Hash-Here-4", "192.0.2.14")).isEqualTo(HttpStatus.OK);
		assertThat(signIn("oldhash", "Old-Hash-There-5", "192.0.2.14")).isEqualTo(HttpStatus.OK);
		assertThat(user("oldhash").getPassword()).startsWith(PBKDF2);
		assertThat(signIn("oldhash", "Old-Hash-There-5", "192.0.2.14")).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldHashAnApiClientsPasswordOnceNotOnEveryCallAndNeverRecogniseAnotherPassword() {
		createUser("busyclient", "Busy-Client-66");
		String address = "192.0.2.15";

		double before = hashesComputed();
		assertThat(signIn("busyclient", "Busy-Client-66", address)).isEqualTo(HttpStatus.OK);
		double afterFirst = hashesComputed();
		assertThat(signIn("busyclient", "Busy-Client-66", address)).isEqualTo(HttpStatus.OK);
		assertThat(signIn("busyclient", "Busy-Client-66", address)).isEqualTo(HttpStatus.OK);

		assertThat(afterFirst - before).isEqualTo(1);
		assertThat(hashesComputed()).isEqualTo(afterFirst);
		assertThat(signIn("busyclient", "Busy-Client-67", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(hashesComputed()).as("checked against the store").isGreaterThan(afterFirst);
	}

	@Test
	void shouldNotRecogniseAPasswordAnAdministratorHasJustChanged() {
		createUser("changedpw", "Changed-Soon-77");
		String address = "192.0.2.16";
		assertThat(signIn("changedpw", "Changed-Soon-77", address)).isEqualTo(HttpStatus.OK);

		User user = this.identity.createUserQuery().userId("changedpw").singleResult();
		user.setPassword("Changed-Now-88!");
		this.identity.saveUser(user);

		assertThat(signIn("changedpw", "Changed-Soon-77", address)).isEqualTo(HttpStatus.UNAUTHORIZED);
		// the failure above locks for 3 s
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> signIn("changedpw", "Changed-Now-88!", address), HttpStatus.OK::equals);
	}

	@Test
	void shouldCloseCamundasOwnSetupAndPasswordCheckingDoors() {
		RestClient admin = client();
		List<ResponseEntity<String>> answers = List.of(
				admin.post()
					.uri("/camunda/api/admin/setup/default/user/create")
					.headers((headers) -> headers.setBasicAuth("admin", "admin"))
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-Pass-1\"}}")
					.retrieve()
					.toEntity(String.class),
				admin.post()
					.uri("/camunda/api/admin/auth/user/default/login/tasklist")
					.headers((headers) -> headers.setBasicAuth("admin", "admin"))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body("username=nobody&password=guess")
					.retrieve()
					.toEntity(String.class),
				admin.post()
					.uri("/engine-rest/identity/verify")
					.headers((headers) -> headers.setBasicAuth("admin", "admin"))
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"username\":\"nobody\",\"password\":\"guess\"}")
					.retrieve()
					.toEntity(String.class));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			// our answer, not Camunda's (which has no problem+json)
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue();
		});
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void shouldRequireTheCsrfTokenWithASessionCookieWhateverOtherHeadersCome() {
		ServiceClient service = new ServiceClient(this.http);
		String application = service.awaitStatus(service.submit(ApplicationBodies.body(ApplicationBodies.PRIME)),
				"APPROVED");
		String replay = "/api/audit/applications/" + application + "/replay";
		String session = signInWithForm("auditor", "auditor");
		RestClient browser = client();

		// a forged POST: the browser adds the session cookie, and Basic credentials it
		// may have cached
		ResponseEntity<String> forged = browser.post()
			.uri(replay)
			.header(HttpHeaders.COOKIE, session)
			.headers((headers) -> headers.setBasicAuth("auditor", "auditor"))
			.retrieve()
			.toEntity(String.class);
		// as the auditors' page sends it: with the session's token from /audit/csrf
		Map<?, ?> csrf = browser.get()
			.uri("/audit/csrf")
			.header(HttpHeaders.COOKIE, session)
			.retrieve()
			.body(Map.class);
		ResponseEntity<String> fromThePage = browser.post()
			.uri(replay)
			.header(HttpHeaders.COOKIE, session)
			.header(csrf.get("header").toString(), csrf.get("token").toString())
			.retrieve()
			.toEntity(String.class);

		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(fromThePage.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(fromThePage.getBody()).contains("\"identical\":true");
	}

	@Test
	void shouldRequireTheRiskPagesCsrfTokenToSubmitARelease() {
		String session = signInWithForm("analyst", "analyst");
		RestClient browser = client();
		String release = "{\"source\":\"folder\",\"rationale\":\"from the risk page\"}";

		ResponseEntity<String> forged = browser.post()
			.uri("/api/rulesets/releases")
			.header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.APPLICATION_JSON)
			.body(release)
			.retrieve()
			.toEntity(String.class);
		Map<?, ?> csrf = browser.get().uri("/risk/csrf").header(HttpHeaders.COOKIE, session).retrieve().body(Map.class);
		ResponseEntity<String> fromThePage = browser.post()
			.uri("/api/rulesets/releases")
			.header(HttpHeaders.COOKIE, session)
			.header(csrf.get("header").toString(), csrf.get("token").toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(release)
			.retrieve()
			.toEntity(String.class);

		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// past the CSRF check, refused for what it asks: the folder is what decides now
		assertThat(fromThePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fromThePage.getBody()).contains("is the champion already");
	}

	@Test
	void shouldLeaveTheCamundaWebappsToTheirOwnCsrfFilter() {
		String session = signInWithForm("officer", "officer");
		RestClient browser = client();
		String taskCount = "/camunda/api/engine/engine/default/task/count";
		ResponseEntity<String> tokenFetch = browser.get()
			.uri(taskCount)
			.header(HttpHeaders.COOKIE, session)
			.retrieve()
			.toEntity(String.class);
		// Camunda compares the header with the token it keeps in the session
		String xsrfToken = tokenFetch.getHeaders().getFirst("X-XSRF-TOKEN");

		ResponseEntity<String> withToken = browser.post()
			.uri(taskCount)
			.header(HttpHeaders.COOKIE, session)
			.header("X-XSRF-TOKEN", xsrfToken)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(String.class);
		ResponseEntity<String> forged = browser.post()
			.uri(taskCount)
			.header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(String.class);

		assertThat(xsrfToken).isNotBlank();
		assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forged.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
	}

	@Test
	void shouldChallengeApiClientsButNeverBrowsersWithBasic() {
		RestClient client = client();
		ResponseEntity<String> curl = client.get().uri("/api/applications").retrieve().toEntity(String.class);
		List<ResponseEntity<String>> browsers = List.of(
				client.get()
					.uri("/api/applications")
					.header("Sec-Fetch-Mode", "cors")
					.retrieve()
					.toEntity(String.class),
				client.get()
					.uri("/api/applications")
					.header("Sec-Fetch-Site", "same-origin")
					.retrieve()
					.toEntity(String.class),
				client.get().uri("/api/applications").accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class),
				client.get()
					.uri("/api/audit/verify")
					.header(HttpHeaders.COOKIE, "JSESSIONID=expired")
					.retrieve()
					.toEntity(String.class),
				client.get()
					.uri("/api/applications")
					.header("Sec-Fetch-Mode", "cors")
					.header("X-Forwarded-For", "192.0.2.19")
					.headers((headers) -> headers.setBasicAuth("nobody", "wrong"))
					.retrieve()
					.toEntity(String.class));
		ResponseEntity<String> page = client.get()
			.uri("/audit")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toEntity(String.class);

		assertThat(curl.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(curl.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"creditflow\"");
		assertThat(browsers).allSatisfy((answer) -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue();
			assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNotEmpty()
				.noneMatch((challenge) -> challenge.regionMatches(true, 0, "Basic", 0, 5));
		});
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(page.getHeaders().getLocation()).hasPath("/login");
	}

	private void createUser(String id, String password) {
		User user = this.identity.newUser(id);
		user.setPassword(password);
		this.identity.saveUser(user);
	}

	private UserEntity user(String id) {
		return (UserEntity) this.identity.createUserQuery().userId(id).singleResult();
	}

	/** As if the account had failed this many times, its last lock over. */
	private void failedBefore(String id, int failures) {
		this.jdbc.update("update ACT_ID_USER set ATTEMPTS_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?", failures,
				Timestamp.from(Instant.now().minusSeconds(1)), id);
	}

	private Duration lockLeft(String id) {
		return Duration.between(Instant.now(), user(id).getLockExpirationTime().toInstant());
	}

	private double hashesComputed() {
		return this.meters.get("creditflow.password.hashes").functionCounter().count();
	}

	private HttpStatus signIn(String user, String password, String address) {
		return HttpStatus.valueOf(request(user, password, address).getStatusCode().value());
	}

	private ResponseEntity<String> request(String user, String password, String address) {
		return client().get()
			.uri(SIGNED_IN_ONLY)
			.header("X-Forwarded-For", address)
			.headers((headers) -> headers.setBasicAuth(user, password))
			.retrieve()
			.toEntity(String.class);
	}

	/** Signs in on the login page as a person would; answers the session cookie. */
	private String signInWithForm(String user, String password) {
		RestClient browser = client();
		ResponseEntity<String> loginPage = browser.get().uri("/login").retrieve().toEntity(String.class);
		String session = loginPage.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(loginPage.getBody());
		assertThat(csrf.find()).isTrue();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		form.add("_csrf", csrf.group(1));
		ResponseEntity<String> signedIn = browser.post()
			.uri("/login")
			.header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(String.class);
		assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		return signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
	}

	/** Keeps no cookies and follows no redirects: each request is one step, as sent. */
	private RestClient client() {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(client))
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
