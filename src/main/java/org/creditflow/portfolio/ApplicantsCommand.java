package org.creditflow.portfolio;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.backtest.CommandArguments;
import org.creditflow.mydata.Population;
import org.creditflow.mydata.SimulatedPeople;
import org.creditflow.mydata.SyntheticApplicant;

/**
 * {@code java -jar creditflow.jar applicants}: a demo's stream of applicants drawn from
 * the synthetic population the default scorecards were fitted on, sent through the
 * partners' Open API ({@code POST /api/applications}). Their phone numbers are no demo
 * numbers, so the MyData simulator draws their bank and phone data from the population
 * for their age, and each declares what that same draw declares: a month of them looks
 * like the development sample, and {@code --ages 19-25} sends a younger crowd that does
 * not. Signs in as a partner channel; the password comes from
 * {@code CREDITFLOW_PARTNER_PASSWORD}.
 */
public final class ApplicantsCommand {

	public static final String NAME = "applicants";

	static final int DONE = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final String USAGE_TEXT = "Usage: java -jar creditflow.jar " + NAME
			+ " --service-url <url> [--count 500] [--seed 1] [--ages 19-75] [--user partner]\n"
			+ "  the password comes from CREDITFLOW_PARTNER_PASSWORD; --ages draws every applicant's age from "
			+ "that range instead of the population's";

	/** As the lending history the default scorecards were fitted on. */
	private static final double TELECOM_SIGNAL = 0.6;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String[] SURNAMES = { "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임" };

	private static final String[] SYLLABLES = { "민", "서", "지", "현", "준", "수", "영", "하", "우", "은", "도", "윤" };

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ApplicantsCommand() {
	}

	public static int run(List<String> arguments) {
		return run(arguments, System.out, System.err, System.getenv("CREDITFLOW_PARTNER_PASSWORD"));
	}

	static int run(List<String> arguments, PrintStream out, PrintStream err, String password) {
		URI service;
		String user;
		int count;
		long seed;
		int[] ages;
		try {
			CommandArguments args = new CommandArguments(arguments,
					Set.of("service-url", "count", "seed", "ages", "user"), Set.of("service-url"));
			service = URI.create(args.require("service-url").replaceAll("/+$", ""));
			user = args.get("user").orElse("partner");
			count = (int) args.whole("count", 500, 1, 100_000);
			seed = args.whole("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
			ages = args.get("ages").map(ApplicantsCommand::ages).orElse(null);
			if (password == null || password.isBlank()) {
				throw new CommandArguments.UsageException("CREDITFLOW_PARTNER_PASSWORD is not set");
			}
		}
		catch (CommandArguments.UsageException | IllegalArgumentException ex) {
			err.println(ex.getMessage() + "\n" + USAGE_TEXT);
			return USAGE;
		}
		Population population = new Population(TELECOM_SIGNAL);
		SplittableRandom applicants = new SplittableRandom(seed);
		String credentials = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		try {
			for (int i = 1; i <= count; i++) {
				SplittableRandom random = applicants.split();
				int age = (ages != null) ? random.nextInt(ages[0], ages[1] + 1) : population.draw(random.split()).age();
				HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.resolve("/api/applications"))
					.header("Authorization", credentials)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", "applicants-" + seed + "-" + i)
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(body(age, random)))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() != 201 && answer.statusCode() != 200) {
					err.printf("Applicant %d: %s answered %d: %s%n", i, service, answer.statusCode(), answer.body());
					return FAILED;
				}
			}
		}
		catch (IOException ex) {
			err.println("The applicants could not be sent: " + ex.getMessage());
			return FAILED;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return FAILED;
		}
		out.printf("Sent %d applicants drawn from the population%s to %s (seed %d)%n", count,
				(ages != null) ? " aged " + ages[0] + " to " + ages[1] : "", service, seed);
		return DONE;
	}

	/**
	 * The application as a partner sends it for a person of that age: a name, a birth
	 * date and a phone number that is no demo number (its middle block starts with 2 to
	 * 9), and what the person the MyData simulator takes them for declares and asks for.
	 */
	static String body(int age, SplittableRandom random) {
		String name = SURNAMES[random.nextInt(SURNAMES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
				+ SYLLABLES[random.nextInt(SYLLABLES.length)];
		LocalDate birthDate = LocalDate.now().minusYears(age).minusDays(random.nextInt(1, 365));
		String phone = String.format("010-%04d-%04d", random.nextInt(2000, 10_000), random.nextInt(10_000));
		SyntheticApplicant applicant = SimulatedPeople.person(name, birthDate, phone);
		ObjectNode body = JSON.createObjectNode();
		body.putObject("applicant")
			.put("name", name)
			.put("birthDate", birthDate.toString())
			.put("phone", phone)
			.put("employmentType", applicant.employmentType().name())
			.put("annualIncome", applicant.declaredAnnualIncome());
		body.putObject("loan")
			.put("product", "PERSONAL_CREDIT")
			.put("amount", applicant.amount())
			.put("termMonths", applicant.termMonths())
			.put("purpose", applicant.purpose().name());
		body.putObject("consent")
			.put("financialData", true)
			.put("telecomData", applicant.telecomConsented())
			.put("grantedAt", OffsetDateTime.now().minusMinutes(5).toString());
		return body.toString();
	}

	private static int[] ages(String range) {
		String[] bounds = range.split("-");
		try {
			int from = Integer.parseInt(bounds[0].strip());
			int to = Integer.parseInt(bounds[bounds.length - 1].strip());
			if (bounds.length != 2 || from < 19 || to > 100 || from > to) {
				throw new CommandArguments.UsageException(
						"--ages must be a range like 19-25, within 19 to 100, not " + range);
			}
			return new int[] { from, to };
		}
		catch (NumberFormatException ex) {
			throw new CommandArguments.UsageException("--ages must be a range like 19-25, not " + range);
		}
	}

}
