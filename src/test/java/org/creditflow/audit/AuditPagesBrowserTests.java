package org.creditflow.audit;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.Browser;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.release.ReleaseClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor traces an application an officer decided, in headless Chromium: checks the
 * chain, finds the application by officer, sees its timeline, its path on the BPMN
 * diagram and its decisions with the rules that fired, and replays it. The page is saved
 * as target/screenshots/audit-application.png. The rulesets' view lists a rejected
 * release's records and, for a version, its history and the applications it decided. An
 * officer gets 403.
 */
@Tag("browser")
@CreditflowIntegrationTest
class AuditPagesBrowserTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void shouldLetAnAuditorTraceAnApplicationInTheBrowser() {
		String id = applicationApprovedByAnOfficer();

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("auditor", "auditor").open("/audit");
			browser.click(By.id("check-chain"));
			browser.awaitText(By.id("chain-result"), "Chain intact");

			browser.await(By.name("officer")).sendKeys("officer");
			browser.click(By.cssSelector("#search button[type=submit]"));
			browser.click(By.linkText(id));

			browser.awaitText(By.id("timeline"), "Review application");
			browser.await(By.cssSelector("#diagram svg .cf-passed"));
			assertThat(browser.text(By.id("summary"))).contains("김*지").doesNotContain("김민지");
			String decisions = browser.text(By.id("decisions"));
			assertThat(decisions).contains("Assessed:").contains("Rules that fired:").contains("review: APPROVE");
			assertThat(decisions).contains("Final decision: APPROVED");
			browser.click(By.id("replay"));
			browser.awaitText(By.id("replay-result"), "Replay identical");
			assertThat(browser.screenshot("audit-application")).exists();
		}
	}

	@Test
	void shouldRefuseTheAuditPagesToAnOfficer() {
		try (Browser browser = new Browser(this.port)) {
			browser.signIn("officer", "officer").open("/audit");

			assertThat(browser.text(By.tagName("body"))).containsAnyOf("403", "Forbidden");
			assertThat(browser.currentUrl()).endsWith("/audit");
		}
	}

	@Test
	void shouldShowAnAuditorTheRulesetsReleasesAndWhatEachDecided() {
		String applicationId = applicationApprovedByAnOfficer();
		String champion = this.http.withBasicAuth("auditor", "auditor")
			.getForObject("/api/rulesets/active", JsonNode.class)
			.get("champion")
			.get("version")
			.asText();
		ReleaseClient releases = new ReleaseClient(this.http);
		JsonNode release = releases.submitted("analyst",
				ReleaseClient.rewordedRules(this.temp.resolve("rules"), "Excellent bureau score."),
				"Shorter reason texts for the app");
		String version = release.get("version").asText();
		releases.awaitStatus(release.get("id").asText(), "AWAITING_APPROVAL");
		releases.decide("riskmanager", release.get("id").asText(), "reject", "Not before the app's next version");

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("auditor", "auditor").open("/audit");
			browser.click(By.id("rulesets-link"));
			browser.awaitText(By.id("ruleset-history"), "RELEASE_REJECTED");
			String history = browser.text(By.id("ruleset-history"));
			assertThat(history).contains("Not before the app's next version")
				.contains("RELEASE_SUBMITTED")
				.contains("Shorter reason texts for the app")
				.contains(version.substring(0, 12));

			browser.click(By.linkText(version.substring(0, 12)));
			browser.awaitText(By.id("ruleset-events"), "RELEASE_REJECTED");
			assertThat(browser.text(By.id("ruleset-version"))).isEqualTo(version);
			assertThat(browser.text(By.id("ruleset-events"))).contains("riskmanager")
				.contains("RELEASE_SUBMITTED")
				.contains("analyst")
				.contains(release.get("id").asText());
			assertThat(browser.text(By.id("ruleset-assessments"))).contains("it decided no application");
			assertThat(browser.screenshot("audit-ruleset")).exists();

			browser.open("/audit#ruleset=" + champion);
			browser.awaitText(By.id("ruleset-assessments"), "As champion");
			browser.click(By.id("ruleset-applications"));
			browser.awaitText(By.id("results"), applicationId);
			assertThat(browser.await(By.name("rulesetVersion")).getAttribute("value")).isEqualTo(champion);
		}
	}

	private String applicationApprovedByAnOfficer() {
		ServiceClient service = new ServiceClient(this.http);
		String id = service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		String task = service.awaitTask(id, "Task_ReviewApplication").get("id").asText();
		service.complete("officer", task, Map.of("reviewDecision", "APPROVE", "reviewComment", "verified by phone"));
		return service.awaitStatus(id, "APPROVED");
	}

}
