package org.creditflow.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.creditflow.backtest.ReportFormat.escape;

/**
 * What creditflow's HTML reports (the backtest's, the scorecard's) share: each is one
 * file, downloaded and opened from disk without a network, so everything it needs is
 * inside it. The tables are written as HTML, so the figures read and print even where a
 * viewer blocks scripts; the charts are drawn by Apache ECharts, inlined from its webjar,
 * from the report's figures embedded as one JSON object.
 */
public final class ReportPage {

	/**
	 * The report is one self-contained page with inline script and style: it may run
	 * those and nothing else, fetch nothing, send nothing, and runs in a sandbox apart
	 * from the service's origin, so nothing in a report can act as the signed-in user.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
			+ " img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-scripts";

	/** The bundle of the {@code org.webjars.npm:echarts} dependency in pom.xml. */
	public static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

	/** The reports' common style. */
	public static final String STYLE = resource("org/creditflow/backtest/report.css");

	private static final String ECHARTS = inlinable(ECHARTS_RESOURCE, read(ECHARTS_RESOURCE, "see echarts in pom.xml"));

	private static final ObjectMapper JSON = new ObjectMapper();

	private ReportPage() {
	}

	/** A new page up to its body, with its title (plain text) and style. */
	public static StringBuilder open(String title, String style) {
		StringBuilder page = new StringBuilder(ECHARTS.length() + 64 * 1024);
		return page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>")
			.append(escape(title))
			.append("</title>\n<style>")
			.append(style)
			.append("</style>\n</head>\n<body>\n");
	}

	/**
	 * The end of the page: the figures as JSON in a script element with the given id,
	 * ECharts, and the script that draws the charts from the figures.
	 * @param chartsScript from {@link #script}
	 */
	public static void close(StringBuilder page, String dataId, Object data, String chartsScript) {
		page.append("<script type=\"application/json\" id=\"" + dataId + "\">")
			.append(json(data))
			.append("</script>\n<script>")
			.append(ECHARTS)
			.append("</script>\n<script>")
			.append(chartsScript)
			.append("</script>\n</body>\n</html>\n");
	}

	/** A figure with its caption (plain text) around the element a chart is drawn in. */
	public static void chart(StringBuilder page, String id, String caption) {
		page.append("<figure><figcaption>")
			.append(escape(caption))
			.append("</figcaption><div id=\"")
			.append(id)
			.append("\" class=\"chart\"></div></figure>\n");
	}

	/**
	 * A report's own file from the classpath as a text block would hold it: lines ending
	 * in {@code \n} whatever the checkout, and without the comment a file may open with
	 * for its readers.
	 */
	public static String resource(String path) {
		String text = read(path, "it belongs in src/main/resources").replace("\r\n", "\n");
		int commentEnd = text.indexOf("*/\n");
		return (text.startsWith("/*") && commentEnd >= 0) ? text.substring(commentEnd + 3) : text;
	}

	/** A report's own script, as {@link #resource} reads it, checked to be inlinable. */
	public static String script(String path) {
		return inlinable(path, resource(path));
	}

	/**
	 * The figures as JSON for a script element. A {@code <} only occurs inside JSON
	 * strings, where its Unicode escape means the same, so no value (a population's free
	 * text, a category from a user's CSV) can close the script element or open a comment
	 * in it.
	 */
	static String json(Object data) {
		try {
			return JSON.writeValueAsString(data).replace("<", "\\u003c");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the report's figures as JSON", ex);
		}
	}

	private static String read(String resource, String whereToLook) {
		try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath: " + whereToLook);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A script goes into the page as it is, so nothing in it may end its element. */
	private static String inlinable(String resource, String script) {
		if (script.toLowerCase(Locale.ROOT).contains("</script") || script.contains("<!--")) {
			throw new IllegalStateException(resource + " cannot be inlined: it would end its script element");
		}
		return script;
	}

}
