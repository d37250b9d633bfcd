package org.creditflow.portfolio;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.backtest.CommandArguments;

/**
 * {@code java -jar creditflow.jar servicing-feed}: a demo's loan servicing. Reads the
 * service's approved loans ({@code GET /api/loans}), plays their months after booking
 * ({@link ServicingSimulation}) and sends them as a CSV feed
 * ({@code POST /api/loans/performance}), or writes the feed to a file. It signs in as a
 * member of {@code servicers}; the password comes from
 * {@code CREDITFLOW_SERVICER_PASSWORD}.
 */
public final class ServicingFeedCommand {

	public static final String NAME = "servicing-feed";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	/** Rows per request, well inside the import's limits. */
	static final int ROWS_PER_REQUEST = 20_000;

	static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --service-url <url> [--user servicer]"
			+ " [--months 12] [--pd-multiplier 1.0] [--seed 1] [--out feed.csv]\n"
			+ "  the password comes from CREDITFLOW_SERVICER_PASSWORD; with --out the feed is written, not sent";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ServicingFeedCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err, System.getenv("CREDITFLOW_SERVICER_PASSWORD"));
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err, String password) {
		URI service;
		String user;
		int months;
		double multiplier;
		long seed;
		Path file;
		try {
			CommandArguments args = new CommandArguments(arguments,
					Set.of("service-url", "user", "months", "pd-multiplier", "seed", "out"), Set.of("service-url"));
			service = URI.create(args.require("service-url").replaceAll("/+$", ""));
			user = args.get("user").orElse("servicer");
			months = (int) args.whole("months", 12, 0, 120);
			multiplier = multiplier(args.get("pd-multiplier").orElse("1.0"));
			seed = args.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
			file = args.get("out").map(Path::of).orElse(null);
			if (password == null || password.isBlank()) {
				throw new CommandArguments.UsageException("CREDITFLOW_SERVICER_PASSWORD is not set");
			}
		}
		catch (CommandArguments.UsageException | IllegalArgumentException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		Api api = new Api(service, user, password);
		try {
			List<BookEntry> loans = api.loans();
			ServicingSimulation simulation = new ServicingSimulation(multiplier);
			Random random = new Random(seed);
			List<String> rows = new ArrayList<>();
			for (BookEntry loan : loans) {
				rows.addAll(simulation.months(loan, months, random));
			}
			if (file != null) {
				try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					writer.write(header() + String.join("\n", rows) + "\n");
				}
				out.printf("Wrote %d months of %d loans to %s%n", rows.size(), loans.size(), file);
				return DONE;
			}
			for (int from = 0; from < rows.size(); from += ROWS_PER_REQUEST) {
				List<String> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_REQUEST));
				JsonNode summary = api.send(header() + String.join("\n", part) + "\n");
				out.printf("Sent %d months: %s rejected %d%n", part.size(), summary.get("stored"),
						summary.get("rejectedRows").asInt());
				summary.get("rejected").forEach((rejected) -> err.println("  rejected: " + rejected));
			}
			out.printf("Sent %d months of %d loans to %s (PD x %s, seed %d)%n", rows.size(), loans.size(), service,
					multiplier, seed);
			return DONE;
		}
		catch (IOException ex) {
			err.println("The feed could not be made: " + ex.getMessage());
			return FAILED;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return FAILED;
		}
	}

	private static String header() {
		return String.join(",", PerformanceImport.COLUMNS) + "\n";
	}

	private static double multiplier(String value) {
		try {
			double number = Double.parseDouble(value);
			if (!(number > 0 && number <= 10)) {
				throw new CommandArguments.UsageException(
						"--pd-multiplier must be above 0 and at most 10, not " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new CommandArguments.UsageException("--pd-multiplier must be a number, not " + value);
		}
	}

	/** The service's API as the servicing account. */
	private record Api(URI service, String user, String password) {

		private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		List<BookEntry> loans() throws IOException, InterruptedException {
			List<BookEntry> loans = new ArrayList<>();
			for (int offset = 0;; offset += 1000) {
				JsonNode page = JSON.readTree(
						call(HttpRequest.newBuilder(this.service.resolve("/api/loans?offset=" + offset + "&limit=1000"))
							.GET()));
				page.forEach((loan) -> loans.add(entry(loan)));
				if (page.size() < 1000) {
					return loans;
				}
			}
		}

		JsonNode send(String csv) throws IOException, InterruptedException {
			return JSON.readTree(call(HttpRequest.newBuilder(this.service.resolve("/api/loans/performance"))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))));
		}

		private String call(HttpRequest.Builder request) throws IOException, InterruptedException {
			String credentials = Base64.getEncoder()
				.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = HTTP.send(request.header("Authorization", "Basic " + credentials)
				.header("Accept", "application/json")
				.timeout(Duration.ofMinutes(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException(
						request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}

		private static BookEntry entry(JsonNode loan) {
			return new BookEntry(loan.get("applicationId").asText(), YearMonth.parse(loan.get("bookedMonth").asText()),
					loan.get("amount").asLong(),
					loan.hasNonNull("annualRate") ? new BigDecimal(loan.get("annualRate").asText()) : null,
					loan.get("termMonths").asInt(), loan.hasNonNull("grade") ? loan.get("grade").asText() : null,
					loan.hasNonNull("pdPercent") ? loan.get("pdPercent").asDouble() : null);
		}

	}

}
