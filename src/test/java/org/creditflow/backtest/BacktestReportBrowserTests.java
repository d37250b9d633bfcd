package org.creditflow.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.creditflow.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report with a baseline, opened in headless Chromium: ECharts draws every chart on a
 * canvas, nothing logs an error, and the page asks for nothing but itself. Saved as
 * target/screenshots/backtest-report.png (the top) and backtest-report-migration.png
 * (from the migration on, the charts included).
 * <p>
 * The {@link Browser} helper opens pages of a server on localhost, so the report file is
 * served as the only page of a server on a free port, which also counts what the page
 * requests. The helper has no access to the browser's console, so the page is opened with
 * a watch in its head that lists console errors, uncaught exceptions and failed loads in
 * an element the test reads.
 */
@Tag("browser")
class BacktestReportBrowserTests {

	private static final List<String> CHARTS = List.of("chart-roc", "chart-ks", "chart-scores", "chart-bands",
			"chart-migration");

	private static final String PAGE = "/report.html";

	private static final String CONSOLE_WATCH = """
			<script>
			(() => {
				const errors = [];
				const show = () => {
					let shown = document.getElementById('console-errors');
					if (!shown) {
						shown = document.createElement('pre');
						shown.id = 'console-errors';
						document.body.appendChild(shown);
					}
					shown.textContent = 'Console errors: ' + (errors.length ? errors.join('\\n') : 'none');
				};
				const record = (message) => {
					errors.push(String(message));
					if (document.readyState === 'complete') {
						show();
					}
				};
				const consoleError = console.error;
				console.error = (...args) => {
					record(args.join(' '));
					consoleError.apply(console, args);
				};
				window.addEventListener('error', (event) => record(event.message
					|| 'failed to load ' + (event.target.src || event.target.href)), true);
				window.addEventListener('unhandledrejection', (event) => record(event.reason));
				window.addEventListener('load', show);
			})();
			</script>
			""";

	@TempDir
	Path folder;

	@Test
	void shouldDrawEveryChartWithEchartsAndLogNoError() throws IOException {
		Path report = this.folder.resolve("report.html");
		Files.writeString(report, watchingTheConsole(BacktestReport.html(BacktestReportTests.withBaseline())));

		try (ReportServer server = new ReportServer(report); Browser browser = new Browser(server.port())) {
			browser.open(PAGE);
			for (String chart : CHARTS) {
				WebElement canvas = browser.await(By.cssSelector("#" + chart + " canvas[data-zr-dom-id]"));
				assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(300);
				assertThat(canvas.getSize().getHeight()).as(chart).isEqualTo(360);
				assertThat(browser.await(By.id(chart)).getAttribute("_echarts_instance_")).as(chart).isNotBlank();
			}
			assertThat(browser.text(By.id("console-errors"))).isEqualTo("Console errors: none");
			assertThat(server.requests()).filteredOn((path) -> !path.equals("/favicon.ico")).containsExactly(PAGE);
			assertThat(browser.screenshot("backtest-report")).exists();
			browser.open(PAGE + "#migration");
			assertThat(browser.screenshot("backtest-report-migration")).exists();
		}
	}

	private static String watchingTheConsole(String html) {
		return html.replaceFirst("<head>", Matcher.quoteReplacement("<head>\n" + CONSOLE_WATCH));
	}

	/**
	 * Serves one file at {@link #PAGE}, answers 404 to anything else, and lists the paths
	 * asked for.
	 */
	private static final class ReportServer implements AutoCloseable {

		private final HttpServer server;

		private final List<String> requests = new CopyOnWriteArrayList<>();

		ReportServer(Path report) throws IOException {
			byte[] page = Files.readAllBytes(report);
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/", (exchange) -> answer(exchange, page));
			this.server.start();
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		List<String> requests() {
			return List.copyOf(this.requests);
		}

		private void answer(HttpExchange exchange, byte[] page) throws IOException {
			String path = exchange.getRequestURI().getPath();
			this.requests.add(path);
			boolean found = path.equals(PAGE);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(found ? 200 : 404, found ? page.length : -1);
			try (OutputStream body = exchange.getResponseBody()) {
				if (found) {
					body.write(page);
				}
			}
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
