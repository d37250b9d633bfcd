package org.creditflow.identity;

import java.net.http.HttpClient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.CreditflowIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every door is guarded, one sign-in opens them all, and Camunda's own authorizations
 * apply to the signed-in user.
 */
@CreditflowIntegrationTest
class SecurityTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void shouldShowHealthToEveryoneAndItsDetailsToAdminsOnly() {
		JsonNode anonymous = browser().get().uri("/actuator/health").retrieve().body(JsonNode.class);
		JsonNode admin = this.http.withBasicAuth("admin", "admin").getForObject("/actuator/health", JsonNode.class);

		// the aggregate may be DEGRADED while a MyData provider keeps failing (other
		// tests make them fail)
		assertThat(anonymous.get("status").asText()).isIn("UP", "DEGRADED");
		for (String component : List.of("processEngine", "jobExecutor", "ruleset", "db")) {
			assertThat(anonymous.get("components").get(component).get("status").asText()).isEqualTo("UP");
		}
		assertThat(anonymous.get("components").has("mydata")).isTrue();
		assertThat(anonymous.get("components").get("ruleset").has("details")).isFalse();
		assertThat(admin.get("components").get("ruleset").get("details").get("version").asText()).hasSize(64);
	}

	@Test
	void shouldKeepMetricsForOperators() {
		assertThat(browser().get().uri("/actuator/metrics").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("officer", "officer")
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.withBasicAuth("admin", "admin")
			.getForEntity("/actuator/metrics", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldAuthenticateTheEngineRestApiAndApplyCamundaAuthorizations() {
		ResponseEntity<Void> anonymous = browser().get()
			.uri("/engine-rest/process-definition")
			.retrieve()
			.toBodilessEntity();
		JsonNode officerSees = this.http.withBasicAuth("officer", "officer")
			.getForObject("/engine-rest/process-definition?key=loan-application", JsonNode.class);
		JsonNode officerDeployments = this.http.withBasicAuth("officer", "officer")
			.getForObject("/engine-rest/deployment", JsonNode.class);
		JsonNode adminDeployments = this.http.withBasicAuth("admin", "admin")
			.getForObject("/engine-rest/deployment", JsonNode.class);

		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(officerSees).isNotEmpty();
		assertThat(officerDeployments).isEmpty();
		assertThat(adminDeployments).isNotEmpty();
	}

	@Test
	void shouldGiveEachGroupItsTasklistFilters() {
		JsonNode officer = this.http.withBasicAuth("officer", "officer")
			.getForObject("/engine-rest/filter", JsonNode.class);
		JsonNode senior = this.http.withBasicAuth("senior", "senior")
			.getForObject("/engine-rest/filter", JsonNode.class);
		JsonNode partner = this.http.withBasicAuth("partner", "partner")
			.getForObject("/engine-rest/filter", JsonNode.class);

		assertThat(officer).extracting((filter) -> filter.get("name").asText())
			.containsExactlyInAnyOrder("My group's referrals", "My tasks");
		assertThat(senior).extracting((filter) -> filter.get("name").asText())
			.containsExactlyInAnyOrder("My group's referrals", "My tasks", "Escalated");
		assertThat(partner).isEmpty();
	}

	@Test
	void shouldSendABrowserToTheLoginPage() {
		ResponseEntity<String> response = browser().get()
			.uri("/camunda/app/tasklist/default/")
			.accept(MediaType.TEXT_HTML)
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(response.getHeaders().getLocation()).hasPath("/login");
	}

	@Test
	void shouldOpenTasklistWithTheSameSignInAsTheApi() {
		RestClient browser = browser();
		ResponseEntity<String> loginPage = browser.get().uri("/login").retrieve().toEntity(String.class);
		String session = loginPage.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(loginPage.getBody());
		assertThat(csrf.find()).isTrue();

		MultiValueMap<String, String> credentials = new LinkedMultiValueMap<>();
		credentials.add("username", "officer");
		credentials.add("password", "officer");
		credentials.add("_csrf", csrf.group(1));
		ResponseEntity<String> signedIn = browser.post()
			.uri("/login")
			.header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(credentials)
			.retrieve()
			.toEntity(String.class);
		assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		String authenticated = signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];

		ResponseEntity<String> tasklist = browser.get()
			.uri("/camunda/app/tasklist/default/")
			.header(HttpHeaders.COOKIE, authenticated)
			.retrieve()
			.toEntity(String.class);

		assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tasklist.getHeaders().getFirst("X-Authorized-User")).isEqualTo("officer");
		assertThat(tasklist.getHeaders().getFirst("X-Authorized-Apps")).contains("tasklist").doesNotContain("cockpit");
	}

	@Test
	void shouldDescribeTheApiForSignedInUsers() {
		assertThat(browser().get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("partner", "partner").getForObject("/v3/api-docs", String.class))
			.contains("/api/applications", "Idempotency-Key");
	}

	/**
	 * A client that, unlike the shared {@link TestRestTemplate}, keeps no cookies and
	 * follows no redirects: each request shows exactly what one browser step would get.
	 */
	private RestClient browser() {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory(client))
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
