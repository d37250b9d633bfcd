package org.creditflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditflow.ApplicationBodies;

/**
 * Application bodies for tests in this package, and the request objects intake takes; see
 * {@link ApplicationBodies} for how they pick a persona.
 */
final class TestApplications {

	static final String PRIME = ApplicationBodies.PRIME;

	static final String AVERAGE = ApplicationBodies.AVERAGE;

	private TestApplications() {
	}

	static ObjectNode body(String personaDigit) {
		return ApplicationBodies.body(personaDigit);
	}

	static ObjectNode body(String personaDigit, LocalDate birthDate) {
		return ApplicationBodies.body(personaDigit, birthDate);
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
