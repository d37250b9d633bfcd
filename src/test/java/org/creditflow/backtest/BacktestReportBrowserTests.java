package org.creditflow.backtest;

import java.io.IOException;
import java.util.List;

import org.creditflow.Browser;
import org.creditflow.ReportServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report with a baseline, opened in headless Chromium: ECharts draws every chart on a
 * canvas, nothing logs an error, and the page asks for nothing but itself. Saved as
 * target/screenshots/backtest-report.png (the top) and backtest-report-migration.png
 * (from the migration on, the charts included).
 */
@Tag("browser")
class BacktestReportBrowserTests {

	private static final List<String> CHARTS = List.of("chart-roc", "chart-ks", "chart-scores", "chart-bands",
			"chart-migration");

	@Test
	void shouldDrawEveryChartWithEchartsAndLogNoError() throws IOException {
		String report = BacktestReport.html(BacktestReportTests.withBaseline());

		try (ReportServer server = new ReportServer(report); Browser browser = new Browser(server.port())) {
			browser.open(ReportServer.PAGE);
			for (String chart : CHARTS) {
				WebElement canvas = browser.await(By.cssSelector("#" + chart + " canvas[data-zr-dom-id]"));
				assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(300);
				assertThat(canvas.getSize().getHeight()).as(chart).isEqualTo(360);
				assertThat(browser.await(By.id(chart)).getAttribute("_echarts_instance_")).as(chart).isNotBlank();
			}
			assertThat(browser.text(By.id("console-errors"))).isEqualTo("Console errors: none");
			assertThat(server.requests()).filteredOn((path) -> !path.equals("/favicon.ico"))
				.containsExactly(ReportServer.PAGE);
			assertThat(browser.screenshot("backtest-report")).exists();
			browser.open(ReportServer.PAGE + "#migration");
			assertThat(browser.screenshot("backtest-report-migration")).exists();
		}
	}

}
