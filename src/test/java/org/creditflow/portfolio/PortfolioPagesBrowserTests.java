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
 * and the overrides' summary and chart. Saved as target/screenshots/risk-portfolio.png.
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
		}
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
