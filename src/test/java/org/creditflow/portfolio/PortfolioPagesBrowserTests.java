package org.creditflow.portfolio;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import org.creditflow.ApplicationBodies;
import org.creditflow.Browser;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk analyst on the risk pages' portfolio section, in headless Chromium: the vintage
 * curves drawn, split by grade on request, the calibration per grade with its verdict,
 * the overrides' summary and chart, and the stability of the applicants: the score's
 * index per month, the approval rate, the latest month's indices (all too few to judge
 * here) and the bins of the one chosen. Saved as target/screenshots/risk-portfolio.png
 * and risk-stability.png.
 */
@Tag("browser")
@CreditflowIntegrationTest
class PortfolioPagesBrowserTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void shouldShowTheVintagesAndTheCalibrationOfTheReportedLoans() {
		ServiceClient service = new ServiceClient(this.http);
		YearMonth booked = YearMonth.now(this.clock);
		String good = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		String bad = service.submit(ApplicationBodies.body(ApplicationBodies.PRIME));
		service.awaitStatus(good, "APPROVED");
		service.awaitStatus(bad, "APPROVED");
		report(service, good, booked.plusMonths(12), 0, "CURRENT");
		report(service, bad, booked.plusMonths(3), 95, "DELINQUENT");

		try (Browser browser = new Browser(this.port)) {
			browser.signIn("analyst", "analyst").open("/risk");
			browser.await(By.cssSelector("#chart-vintages canvas"));
			browser.awaitText(By.id("bad-definition"), "90dpd-12m");
			browser.awaitText(By.id("calibration"), "too few");
			assertThat(browser.text(By.id("calibration"))).contains("Predicted (mean PD)");

			browser.awaitText(By.id("overrides-summary"), "applications decided by officers");
			browser.await(By.cssSelector("#chart-overrides canvas"));

			new Select(browser.await(By.id("vintage-split"))).selectByValue("grade");
			browser.await(By.cssSelector("#chart-vintages canvas"));
			assertThat(browser.await(By.id("chart-vintages")).getAttribute("data-series")).isNotEqualTo("0");
			assertThat(browser.screenshot("risk-portfolio")).exists();

			browser.await(By.cssSelector("#chart-stability canvas"));
			browser.await(By.cssSelector("#chart-approval canvas"));
			browser.awaitText(By.id("stability-summary"),
					"stable below 0.10, watch from 0.10 to 0.25, shift above 0.25");
			browser.awaitText(By.id("stability"), "too few to judge");
			assertThat(browser.text(By.id("stability"))).contains("score");
			assertThat(bins(browser)).isEqualTo("score");
			new Select(browser.await(By.id("stability-characteristic"))).selectByIndex(1);
			browser.await(By.cssSelector("#chart-stability-bins canvas"));
			assertThat(bins(browser)).isNotEqualTo("score");
			browser.click(By.cssSelector("#stability tbody tr:first-child"));
			assertThat(bins(browser)).isEqualTo("score");
			assertThat(browser.await(By.id("stability-characteristic")).getAttribute("value")).isEqualTo("0");
			new Select(browser.await(By.id("stability-characteristic"))).selectByVisibleText("full file: score");
			// pointing at the bins' chart brings the stability part into view, with the
			// chart's tooltip
			browser.hover(By.id("chart-stability-bins"), 0, 0);
			assertThat(browser.screenshot("risk-stability")).exists();
		}
	}

	private static String bins(Browser browser) {
		return browser.await(By.id("chart-stability-bins")).getAttribute("data-characteristic");
	}

	private static void report(ServiceClient service, String loan, YearMonth month, int daysPastDue, String status) {
		assertThat(service.as("servicer")
			.postForEntity("/api/loans/" + loan + "/performance",
					Map.of("month", month.toString(), "daysPastDue", daysPastDue, "status", status, "balance",
							1_000_000),
					String.class)
			.getStatusCode()
			.value()).isEqualTo(201);
	}

}
