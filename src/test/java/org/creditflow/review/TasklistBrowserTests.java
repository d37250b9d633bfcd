package org.creditflow.review;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.ApplicationBodies;
import org.creditflow.Browser;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan officer decides a referred application in the real Camunda Tasklist, in headless
 * Chromium: signs in, opens the group's filter and the task, sees the score and the
 * reasons on the form, approves with a comment; the API then shows the application
 * APPROVED. The form is saved as target/screenshots/tasklist-review-form.png.
 */
@Tag("browser")
@CreditflowIntegrationTest
class TasklistBrowserTests {

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@Test
	void shouldLetAnOfficerApproveAReferredApplicationInTasklist() {
		ServiceClient service = new ServiceClient(this.http);
		String applicationId = service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		JsonNode task = service.awaitTask(applicationId, "Task_ReviewApplication");
		String score = this.http.withBasicAuth("officer", "officer")
			.getForObject("/engine-rest/task/" + task.get("id").asText() + "/variables/score", JsonNode.class)
			.get("value")
			.asText();

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("officer", "officer").open("/camunda/app/tasklist/default/");
			browser.click(By.xpath(
					"//*[contains(@class,'task-filter')]//*[contains(normalize-space(.),\"My group's referrals\")]"));
			browser.awaitText(By.cssSelector("[cam-tasks], .tasks-list, body"), "Review application");
			browser.open("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
			browser.click(By.xpath("//button[normalize-space()='Claim' or @title='Claim task']"));

			By form = By.cssSelector(".fjs-container");
			browser.awaitText(form, "Top reasons");
			String shown = browser.text(form);
			assertThat(shown).contains(score).contains("김*지").doesNotContain("김민지");
			assertThat(shown).containsPattern("(?s)Top reasons.*\\S+.*Figures behind them");
			assertThat(shown).contains("Telecom tenure").contains("On-time payments");
			browser.click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Approve']"
					+ " | //div[contains(@class,'fjs-form-field-radio')]//label[.//text()[normalize-space(.)='Approve']]"));
			browser.await(By.xpath("//label[contains(normalize-space(.),'Comment')]/following::textarea[1]"))
				.sendKeys("Stable income and a clean phone record; approved at the rules' offer.");
			Path screenshot = browser.screenshot("tasklist-review-form");
			browser.click(By.xpath("//button[normalize-space()='Complete']"));

			service.awaitStatus(applicationId, "APPROVED");
			assertThat(screenshot).exists();
			assertThat(Files.isRegularFile(screenshot)).isTrue();
		}
	}

	@Test
	void shouldLetAnOfficerDeclineWithAnOfficersReasonInTasklist() {
		ServiceClient service = new ServiceClient(this.http);
		String applicationId = service.submit(ApplicationBodies.body(ApplicationBodies.AVERAGE));
		JsonNode task = service.awaitTask(applicationId, "Task_ReviewApplication");

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("officer", "officer")
				.open("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
			browser.click(By.xpath("//button[normalize-space()='Claim' or @title='Claim task']"));
			browser.awaitText(By.cssSelector(".fjs-container"), "Top reasons");
			browser.click(By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Decline']"
					+ " | //div[contains(@class,'fjs-form-field-radio')]//label[.//text()[normalize-space(.)='Decline']]"));
			// the officers' reasons of reason-codes.csv, which the review sheet puts on
			// the
			// task for the form (DeclineReasonsFormTests, ReviewTasksApiTests)
			browser.click(By.xpath("//div[contains(@class,'fjs-form-field-select')]"
					+ "//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-input-group')]"));
			browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')"
					+ " and contains(normalize-space(.),'The officer judged the credit risk too high.')]"));
			browser.await(By.xpath("//label[contains(normalize-space(.),'Comment')]/following::textarea[1]"))
				.sendKeys("Too many recent credit inquiries for this amount.");
			browser.screenshot("tasklist-review-decline");
			browser.click(By.xpath("//button[normalize-space()='Complete']"));

			service.awaitStatus(applicationId, "DECLINED");
			assertThat(service.as("partner")
				.getForObject("/api/applications/" + applicationId, JsonNode.class)
				.get("decision")
				.get("reasons")
				.get(0)
				.get("code")
				.asText()).isEqualTo("OFFICER_CREDIT_RISK");
		}
	}

}
