package org.creditflow.scorecard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.creditflow.Browser;
import org.creditflow.ReportServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of two fitted segments, opened in headless Chromium: ECharts draws every
 * chart on a canvas, nothing logs an error, the page asks for nothing but itself, and a
 * category code that is a script shows in a tooltip as text. Saved as
 * target/screenshots/scorecard-report.png (the top) and scorecard-report-bins.png (a
 * characteristic's bins).
 */
@Tag("browser")
class ScorecardReportBrowserTests {

	@Test
	void shouldDrawEveryChartWithEchartsAndLogNoError() throws IOException {
		String report = ScorecardReport.html(ScorecardReportTests.fit(masterScale()), "history.csv");
		List<String> charts = ScorecardReportTests.chartIds(report);
		assertThat(charts).hasSizeGreaterThan(10).contains("chart-0-grades", "chart-1-bins-1");

		try (ReportServer server = new ReportServer(report); Browser browser = new Browser(server.port())) {
			browser.open(ReportServer.PAGE);
			for (String chart : charts) {
				assertThat(browser.await(By.cssSelector("#" + chart + " canvas[data-zr-dom-id]")).getSize().getWidth())
					.as(chart)
					.isGreaterThan(300);
			}
			assertThat(browser.text(By.id("console-errors"))).isEqualTo("Console errors: none");
			assertThat(server.requests()).filteredOn((path) -> !path.equals("/favicon.ico"))
				.containsExactly(ReportServer.PAGE);
			assertThat(browser.screenshot("scorecard-report")).exists();
			// the channel's first bin (codes sort '<' first) is the hostile one
			browser.open(ReportServer.PAGE + "#segment-0-characteristic-1");
			browser.hover(By.id("chart-0-bins-1"), -150, 0);
			browser.awaitText(By.cssSelector("#chart-0-bins-1"), ScorecardReportTests.HOSTILE_CODE);
			assertThat(browser.screenshot("scorecard-report-bins")).exists();
			assertThat(browser.text(By.id("console-errors"))).isEqualTo("Console errors: none");
		}
	}

	private static MasterScale masterScale() throws IOException {
		Properties policy = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("rules/policy.properties"), StandardCharsets.UTF_8)) {
			policy.load(reader);
		}
		return MasterScale.of(policy, "rules/policy.properties");
	}

}
