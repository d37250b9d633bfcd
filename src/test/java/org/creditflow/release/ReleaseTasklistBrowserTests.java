package org.creditflow.release;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.Browser;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.creditflow.scoring.OlderRuleset;
import org.creditflow.scoring.Ruleset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on a release in the real Camunda Tasklist, in headless Chromium: a risk
 * manager uploads a reworded rules folder; in Tasklist he is refused his own release's
 * approval with the reason shown; a second risk manager reads the impact summary on the
 * task's form and approves it with a comment, and the release goes into service as
 * champion. The champion it replaced is put back afterwards, so the other tests decide
 * with the default rules. The form is saved as
 * target/screenshots/tasklist-release-form.png.
 */
@Tag("browser")
@CreditflowIntegrationTest
class ReleaseTasklistBrowserTests {

	private static final String APPROVE = "//div[contains(@class,'fjs-form-field-radio')]"
			+ "//label[contains(normalize-space(.),'Approve')]";

	private static final String COMMENT = "//label[contains(normalize-space(.),'Comment')]/following::textarea[1]";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void shouldLetAnotherRiskManagerApproveAReleaseInTasklistButNotItsSubmitter() {
		ReleaseClient releases = new ReleaseClient(this.http);
		Ruleset original = OlderRuleset.champion(this.context);
		JsonNode release = releases.submitted("riskmanager",
				ReleaseClient.rewordedRules(this.temp.resolve("rules"), "An excellent bureau score."),
				"Reason texts the call centre reads out");
		String id = release.get("id").asText();
		String version = release.get("version").asText();
		try {
			releases.awaitStatus(id, "AWAITING_APPROVAL");
			String taskId = new ServiceClient(this.http).awaitTask(id, "Task_ApproveRelease").get("id").asText();

			try (Browser browser = new Browser(this.port)) {
				browser.signIn("riskmanager", "riskmanager").open("/camunda/app/tasklist/default/#/?task=" + taskId);
				browser.click(By.xpath("//button[normalize-space()='Claim' or @title='Claim task']"));
				browser.awaitText(By.tagName("body"), "another risk manager must take and decide it (four eyes)");
				browser.screenshot("tasklist-release-refused");
			}
			assertThat(releases.get("riskmanager", id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
			assertThat(new ServiceClient(this.http).awaitTask(id, "Task_ApproveRelease").path("assignee").asText(null))
				.isNull();

			try (Browser browser = new Browser(this.port)) {
				openClaimed(browser.signIn("riskmanager2", "riskmanager2"), taskId);
				By form = By.cssSelector(".fjs-container");
				browser.awaitText(form, "Reason texts the call centre reads out");
				assertThat(browser.text(form)).contains("riskmanager")
					.contains("In service")
					.contains("Proposed")
					.contains("Full report")
					.contains("You cannot approve a release you submitted yourself.");
				browser.click(By.xpath(APPROVE));
				browser.await(By.xpath(COMMENT)).sendKeys("Same decisions, plainer words; approved.");
				assertThat(browser.screenshot("tasklist-release-form")).exists();
				browser.click(By.xpath("//button[normalize-space()='Complete']"));

				JsonNode active = releases.awaitStatus(id, "ACTIVE");
				assertThat(active.get("decidedBy").asText()).isEqualTo("riskmanager2");
				assertThat(active.get("decisionComment").asText())
					.isEqualTo("Same decisions, plainer words; approved.");
				assertThat(this.http.withBasicAuth("riskmanager", "riskmanager")
					.getForObject("/api/rulesets/active", JsonNode.class)
					.get("champion")
					.get("version")
					.asText()).isEqualTo(version);
			}
		}
		finally {
			OlderRuleset.restore(this.context, original);
		}
		assertThat(OlderRuleset.champion(this.context).version()).isEqualTo(original.version());
	}

	private static void openClaimed(Browser browser, String taskId) {
		browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
		browser.click(By.xpath("//button[normalize-space()='Claim' or @title='Claim task']"));
		browser.awaitText(By.cssSelector(".fjs-container"), "Decision");
	}

}
