package org.creditflow.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code servicing-feed} against a running service: it reads the approved loans, writes
 * their months to a file or sends them as servicing, and names what is wrong with its
 * command line.
 */
@CreditflowIntegrationTest
class ServicingFeedCommandTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void shouldWriteAndSendTheMonthsOfTheServicesApprovedLoans() throws IOException {
		ServiceClient service = new ServiceClient(this.http);
		String loan = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		service.awaitStatus(loan, "APPROVED");
		Path feed = this.temp.resolve("feed.csv");

		Run written = run("--service-url", url(), "--months", "6", "--out", feed.toString());
		Run sent = run("--service-url", url(), "--months", "6", "--pd-multiplier", "1.5", "--seed", "9");

		assertThat(written.code()).as(written.err()).isZero();
		List<String> lines = Files.readAllLines(feed);
		assertThat(lines.get(0)).isEqualTo("applicationId,month,daysPastDue,status,balance");
		assertThat(lines).filteredOn((line) -> line.startsWith(loan + ",")).hasSize(7);
		assertThat(sent.code()).as(sent.err()).isZero();
		assertThat(sent.out()).contains("Sent").contains("PD x 1.5, seed 9");
		JsonNode history = service.as("analyst").getForObject("/api/loans/" + loan + "/performance", JsonNode.class);
		assertThat(history.get("months")).hasSize(7);
		assertThat(history.get("outcome").get("monthsOnBook").asInt()).isEqualTo(6);
	}

	@Test
	void shouldNameWhatIsWrongWithTheCommandLine() {
		Run noPassword = runWithPassword(null, "--service-url", url());
		Run wrong = run("--service-url", url(), "--pd-multiplier", "-2", "--colour", "red");
		// a user who does not exist: a wrong password would lock the demo servicer out
		// for a
		// few seconds (Camunda's delay after a failed sign-in), the other test with it
		Run refused = runWithPassword("secret", "--service-url", url(), "--user", "nobody", "--out",
				this.temp.resolve("x.csv").toString());

		assertThat(noPassword.code()).isEqualTo(ServicingFeedCommand.USAGE);
		assertThat(noPassword.err()).contains("CREDITFLOW_SERVICER_PASSWORD is not set");
		assertThat(wrong.code()).isEqualTo(ServicingFeedCommand.USAGE);
		assertThat(wrong.err()).contains("unknown argument --colour");
		assertThat(refused.code()).isEqualTo(ServicingFeedCommand.FAILED);
		assertThat(refused.err()).contains("answered 401");
	}

	private String url() {
		return "http://localhost:" + this.port;
	}

	private Run run(String... arguments) {
		return runWithPassword("servicer", arguments);
	}

	private Run runWithPassword(String password, String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ServicingFeedCommand.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), password);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Run(int code, String out, String err) {
	}

}
