package org.creditflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * For the browser tests of a self-contained report: the {@link Browser} helper opens
 * pages of a server on localhost, so the report is served as the only page of a server on
 * a free port, which also counts what the page requests. The helper has no access to the
 * browser's console, so the page is served with a watch in its head that lists console
 * errors, uncaught exceptions and failed loads in the element {@code console-errors}, for
 * the test to read.
 */
public final class ReportServer implements AutoCloseable {

	/** Where the report is; anything else is answered 404. */
	public static final String PAGE = "/report.html";

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

	private final HttpServer server;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	/** Serves the report with the console watch in its head. */
	public ReportServer(String html) throws IOException {
		byte[] page = html.replaceFirst("<head>", Matcher.quoteReplacement("<head>\n" + CONSOLE_WATCH))
			.getBytes(StandardCharsets.UTF_8);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> answer(exchange, page));
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** The paths asked for, in order. */
	public List<String> requests() {
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
