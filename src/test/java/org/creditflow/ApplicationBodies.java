package org.creditflow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bodies of {@code POST /api/applications} for tests, with the simulator's demo numbers
 * (middle block 0000 to 1999): the MyData simulator picks the persona by the last digit
 * of the phone number (0 prime and approved, 2 thin file with a good phone record, 7
 * average and referred, ...) and a provider fault by the middle block (0000 financial
 * down, 0001 telecom down, ...); see {@code Persona} and {@code SimulatedAnswers}.
 */
public final class ApplicationBodies {

	public static final String PRIME = "0";

	public static final String THIN_FILE_GOOD_TELECOM = "2";

	public static final String THIN_FILE_BAD_TELECOM = "4";

	public static final String OVER_INDEBTED = "5";

	public static final String DELINQUENT = "6";

	public static final String AVERAGE = "7";

	/** Middle blocks 1000 to 1999: demo numbers without a provider fault. */
	private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

	private static final ObjectMapper JSON = new ObjectMapper();

	private ApplicationBodies() {
	}

	/** A different applicant each time, of the persona the digit picks. */
	public static ObjectNode body(String personaDigit) {
		return body(personaDigit, LocalDate.of(1990, 4, 12));
	}

	public static ObjectNode body(String personaDigit, LocalDate birthDate) {
		return body(String.valueOf(1000 + SEQUENCE.incrementAndGet() % 1000), personaDigit, birthDate);
	}

	/**
	 * A different applicant each time, with a real-looking number (middle block 2000 to
	 * 9999): the simulator draws their data from the population of the lending history,
	 * not from a persona.
	 */
	public static ObjectNode drawnFromPopulation() {
		int n = SEQUENCE.incrementAndGet();
		return body(String.valueOf(2000 + n % 8000), String.valueOf(n % 10),
				LocalDate.of(1960 + n % 45, 1 + n % 12, 1 + n % 28));
	}

	/**
	 * An applicant whose MyData provider misbehaves as the fault block says.
	 */
	public static ObjectNode withProviderFault(String faultBlock, String personaDigit) {
		return body(faultBlock, personaDigit, LocalDate.of(1990, 4, 12));
	}

	private static ObjectNode body(String middleBlock, String personaDigit, LocalDate birthDate) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode applicant = body.putObject("applicant");
		applicant.put("name", "김민지");
		applicant.put("birthDate", birthDate.toString());
		// the third block keeps applicants with the same fault apart
		applicant.put("phone", "010-" + middleBlock + "-" + (100 + SEQUENCE.incrementAndGet() % 900) + personaDigit);
		applicant.put("email", "minji@example.com");
		applicant.put("employmentType", "SALARIED");
		applicant.put("annualIncome", 48_000_000L);
		ObjectNode loan = body.putObject("loan");
		loan.put("product", "PERSONAL_CREDIT");
		loan.put("amount", 20_000_000L);
		loan.put("termMonths", 36);
		loan.put("purpose", "LIVING");
		ObjectNode consent = body.putObject("consent");
		consent.put("financialData", true);
		consent.put("telecomData", true);
		// a recent consent: intake refuses one older than 30 days or in the future
		consent.put("grantedAt", OffsetDateTime.now().minusHours(1).toString());
		return body;
	}

}
