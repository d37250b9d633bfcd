package org.creditflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Application bodies for tests. The simulator picks the MyData persona by the last digit
 * of the phone number: 0 prime (approved), 7 average (referred), 4 late phone bills
 * (declined); see {@code Persona}.
 */
final class TestApplications {

	static final String PRIME = "0";

	static final String THIN_FILE_GOOD_TELECOM = "2";

	static final String AVERAGE = "7";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AtomicInteger SEQUENCE = new AtomicInteger(1000);

	private TestApplications() {
	}

	/** A different applicant each time, of the persona the digit picks. */
	static ObjectNode body(String personaDigit) {
		return body(personaDigit, LocalDate.of(1990, 4, 12));
	}

	static ObjectNode body(String personaDigit, LocalDate birthDate) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode applicant = body.putObject("applicant");
		applicant.put("name", "김민지");
		applicant.put("birthDate", birthDate.toString());
		applicant.put("phone", "010-" + SEQUENCE.incrementAndGet() + "-123" + personaDigit);
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
		consent.put("grantedAt", "2026-11-28T10:00:00+09:00");
		return body;
	}

	static NewApplication request(ObjectNode body) {
		ObjectNode applicant = (ObjectNode) body.get("applicant");
		ObjectNode loan = (ObjectNode) body.get("loan");
		ObjectNode consent = (ObjectNode) body.get("consent");
		return new NewApplication(new NewApplication.ApplicantData(applicant.get("name").asText(),
				LocalDate.parse(applicant.get("birthDate").asText()), applicant.get("phone").asText(),
				applicant.get("email").asText(), EmploymentType.valueOf(applicant.get("employmentType").asText()),
				applicant.get("annualIncome").asLong()),
				new NewApplication.LoanData(LoanProduct.valueOf(loan.get("product").asText()),
						loan.get("amount").asLong(), loan.get("termMonths").asInt(),
						LoanPurpose.valueOf(loan.get("purpose").asText())),
				new NewApplication.ConsentData(consent.get("financialData").asBoolean(),
						consent.get("telecomData").asBoolean(),
						OffsetDateTime.parse(consent.get("grantedAt").asText())));
	}

}
