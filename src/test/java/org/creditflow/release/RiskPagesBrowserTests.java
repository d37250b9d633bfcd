package org.creditflow.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.Browser;
import org.creditflow.CreditflowIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk analyst on the risk pages, in headless Chromium: sees the ruleset in service and
 * the candidate with its scenarios, the comparison's charts, is told why the folder
 * cannot be released (it is the champion already), uploads a reworded rules folder
 * instead and follows the release to AWAITING_APPROVAL with its impact headlines and
 * reports. The release is rejected afterwards, so the ruleset in service never changes
 * here. The overview and the release are saved as target/screenshots/risk-overview.png
 * and risk-release.png. An officer gets 403.
 */
@Tag("browser")
@CreditflowIntegrationTest
class RiskPagesBrowserTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void shouldLetAnAnalystSubmitAReleaseAndFollowItToApproval() throws IOException {
		JsonNode active = this.http.withBasicAuth("analyst", "analyst")
			.getForObject("/api/rulesets/active", JsonNode.class);
		String champion = active.get("champion").get("version").asText();
		Path zip = Files.write(this.temp.resolve("rules.zip"),
				ReleaseClient.rewordedRules(this.temp.resolve("rules"), "A very good credit bureau score."));
		String releaseId = null;

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("analyst", "analyst").open("/risk");
			browser.awaitText(By.id("in-service"), champion.substring(0, 12));
			assertThat(browser.text(By.id("in-service"))).contains("CHAMPION").contains("100 %");
			assertThat(browser.text(By.id("served-here"))).contains(champion.substring(0, 12));
			browser.awaitText(By.id("candidate"), "Version");
			assertThat(browser.text(By.id("candidate"))).contains(champion).contains("it is what decides now");
			assertThat(browser.text(By.cssSelector("#scenarios summary"))).endsWith(" run, 0 failed");
			browser.click(By.cssSelector("#scenarios summary"));
			assertThat(browser.text(By.id("candidate-scenarios"))).contains("passed").doesNotContain("failed");
			browser.await(By.cssSelector("#chart-rates canvas"));
			browser.await(By.cssSelector("#chart-scores canvas"));
			assertThat(browser.text(By.id("tasklist-note"))).contains("Tasklist");
			assertThat(browser.screenshot("risk-overview")).exists();

			browser.await(By.name("rationale")).sendKeys("The folder as it is");
			browser.click(By.cssSelector("#submit button[type=submit]"));
			browser.awaitText(By.id("submit-result"), "is the champion already");

			new Select(browser.await(By.name("source"))).selectByValue("zip");
			browser.await(By.name("file")).sendKeys(zip.toAbsolutePath().toString());
			browser.await(By.name("rationale")).clear();
			browser.await(By.name("rationale")).sendKeys("Plainer wording of the bureau reason");
			browser.click(By.cssSelector("#submit button[type=submit]"));

			browser.awaitText(By.id("release-summary"), "AWAITING_APPROVAL");
			releaseId = browser.text(By.id("release-id"));
			String summary = browser.text(By.id("release-summary"));
			assertThat(summary).contains("Plainer wording of the bureau reason").contains("analyst").contains("ZIP");
			assertThat(browser.text(By.id("release-approval"))).contains("Tasklist");
			assertThat(browser.text(By.id("release-validation"))).contains("0 failed, 0 problem(s)");
			String impact = browser.text(By.id("impact"));
			assertThat(impact).contains("synthetic: candidate")
				.contains("Approval rate")
				.contains("Gini")
				.contains(" %");
			assertThat(browser.text(By.id("impact-baseline"))).isEqualTo(champion.substring(0, 12));
			assertThat(browser.text(By.id("impact-reports"))).contains("Full impact report: synthetic");
			assertThat(browser.text(By.id("trail"))).contains("analyst").contains("Approve the release");
			assertThat(browser.screenshot("risk-release")).exists();

			browser.click(By.linkText("← all rulesets and releases"));
			browser.awaitText(By.id("releases"), releaseId.substring(0, 12));
			assertThat(browser.text(By.id("releases"))).contains("AWAITING_APPROVAL")
				.contains("Plainer wording of the bureau reason");
		}
		finally {
			if (releaseId != null) {
				new ReleaseClient(this.http).decide("riskmanager", releaseId, "reject", "a browser test's release");
			}
		}
		assertThat(new ReleaseClient(this.http).get("analyst", releaseId).get("status").asText()).isEqualTo("REJECTED");
	}

	@Test
	void shouldRefuseTheRiskPagesToAnOfficer() {
		try (Browser browser = new Browser(this.port)) {
			browser.signIn("officer", "officer").open("/risk");

			assertThat(browser.text(By.tagName("body"))).containsAnyOf("403", "Forbidden");
			assertThat(browser.currentUrl()).endsWith("/risk");
		}
	}

}
