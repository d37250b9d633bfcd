package org.creditflow.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The files a backtest leaves: {@code decisions.csv} (written while it runs),
 * {@code summary.json} and {@code report.html}.
 */
final class BacktestFiles {

	static final String DECISIONS = "decisions.csv";

	static final String SUMMARY = "summary.json";

	static final String REPORT = "report.html";

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private BacktestFiles() {
	}

	static byte[] summaryJson(BacktestSummary summary) {
		try {
			return JSON.writeValueAsBytes(summary);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The summary could not be written as JSON", ex);
		}
	}

	static byte[] reportHtml(BacktestSummary summary) {
		return BacktestReport.html(summary).getBytes(StandardCharsets.UTF_8);
	}

	static void writeSummaryAndReport(Path folder, BacktestSummary summary) throws IOException {
		write(folder.resolve(SUMMARY), summaryJson(summary));
		write(folder.resolve(REPORT), reportHtml(summary));
	}

	private static void write(Path file, byte[] content) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content);
		}
	}

}
