package org.creditflow.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.mydata.SimulatedPeople;
import org.creditflow.mydata.SyntheticApplicant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code applicants} against a running service: the population's applicants, each
 * declaring what the MyData simulator's person of them would, reach the month's stability
 * figures; a wrong command line is named.
 */
@CreditflowIntegrationTest
class ApplicantsCommandTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void shouldSendApplicantsWhoDeclareWhatTheSimulatorsPersonWould() throws Exception {
		JsonNode body = new ObjectMapper().readTree(ApplicantsCommand.body(23, new SplittableRandom(5)));
		JsonNode applicant = body.get("applicant");
		LocalDate birthDate = LocalDate.parse(applicant.get("birthDate").asText());
		SyntheticApplicant person = SimulatedPeople.person(applicant.get("name").asText(), birthDate,
				applicant.get("phone").asText());

		assertThat(Period.between(birthDate, LocalDate.now()).getYears()).isEqualTo(23);
		assertThat(applicant.get("phone").asText()).matches("010-[2-9]\\d{3}-\\d{4}");
		assertThat(applicant.get("annualIncome").asLong()).isEqualTo(person.declaredAnnualIncome());
		assertThat(body.at("/loan/amount").asLong()).isEqualTo(person.amount());
		assertThat(body.at("/loan/termMonths").asInt()).isEqualTo(person.termMonths());
		assertThat(body.at("/consent/telecomData").asBoolean()).isEqualTo(person.telecomConsented());
	}

	@Test
	void shouldSendThePopulationsApplicantsThroughTheOpenApi() {
		ServiceClient service = new ServiceClient(this.http);
		long before = applicationsThisMonth(service);

		Run sent = run("partner", "--service-url", url(), "--count", "4", "--seed", "11", "--ages", "30-40");

		assertThat(sent.code()).as(sent.err()).isEqualTo(ApplicantsCommand.DONE);
		assertThat(sent.out()).contains("Sent 4 applicants drawn from the population aged 30 to 40");
		// at least: an earlier test's application may still be on its way to assessment
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(applicationsThisMonth(service)).isGreaterThanOrEqualTo(before + 4));
	}

	@Test
	void shouldNameWhatIsWrongWithTheCommandLine() {
		Run noPassword = run(null, "--service-url", url());
		Run badAges = run("partner", "--service-url", url(), "--ages", "40-20");
		Run noCount = run("partner", "--service-url", url(), "--count", "0");
		// a user who does not exist: a wrong password would lock the demo partner out
		// for a few seconds
		Run refused = run("secret", "--service-url", url(), "--user", "nobody", "--count", "1");

		assertThat(noPassword.code()).isEqualTo(ApplicantsCommand.USAGE);
		assertThat(noPassword.err()).contains("CREDITFLOW_PARTNER_PASSWORD is not set");
		assertThat(badAges.code()).isEqualTo(ApplicantsCommand.USAGE);
		assertThat(badAges.err()).contains("--ages must be a range like 19-25");
		assertThat(noCount.code()).isEqualTo(ApplicantsCommand.USAGE);
		assertThat(noCount.err()).contains("--count");
		assertThat(refused.code()).isEqualTo(ApplicantsCommand.FAILED);
		assertThat(refused.err()).contains("answered 401");
	}

	private static long applicationsThisMonth(ServiceClient service) {
		return service.as("analyst")
			.getForObject("/api/monitoring/stability?months=1", JsonNode.class)
			.at("/months/0/applications")
			.asLong();
	}

	private String url() {
		return "http://localhost:" + this.port;
	}

	private static Run run(String password, String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ApplicantsCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), password);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Run(int code, String out, String err) {
	}

}
