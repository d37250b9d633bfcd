package org.creditflow.security;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks through Tasklist's own API ({@code /camunda/api/engine/...}), the door a
 * signed-in officer's browser uses, with the session and CSRF token Tasklist itself
 * sends: writing variables, submitting the form with the server's variables in it,
 * throwing a BPMN error, deploying. A form submitted as Tasklist submits it decides the
 * application with the terms the server checked.
 */
@CreditflowIntegrationTest
class TasklistApiAttackTests {

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldRefuseVariableWritesAndErrorsFromTasklistsApi() {
		Referral referral = Referral.submit(this.service);
		WebSession officer = WebSession.signIn(this.port, "officer");
		String task = ENGINE + "/task/" + referral.taskId();

		assertThat(officer.send("GET", task + "/form-variables", null).statusCode()).isEqualTo(200);
		List<HttpResponse<String>> attacks = List.of(
				officer.send("PUT", task + "/variables/approvedRate", "{\"value\": 0.1, \"type\": \"Double\"}"),
				officer.send("PUT", task + "/localVariables/approvedRate", "{\"value\": 0.1, \"type\": \"Double\"}"),
				officer.send("POST", task + "/variables",
						"{\"modifications\": {\"secondApprovalRequired\": {\"value\": false}}}"),
				officer.send("POST", task + "/bpmnError", "{\"errorCode\": \"MYDATA_UNAVAILABLE\"}"),
				officer.send("POST", task + "/bpmnEscalation", "{\"escalationCode\": \"ANY\"}"),
				officer.send("POST", task + "/delegate", "{\"userId\": \"partner\"}"),
				// the decline reasons the form lists, as an object of a class of the
				// caller's
				officer.send("PUT", task + "/localVariables/declineReasonChoices", """
						{"value": "{}", "type": "Object", "valueInfo": {"objectTypeName": "java.net.URL",
						 "serializationDataFormat": "application/json"}}"""));

		assertThat(attacks).allSatisfy((attack) -> assertThat(attack.statusCode()).as(attack.body()).isEqualTo(403));
		referral.assertUntouched();
	}

	@Test
	void shouldRefuseAFormSubmissionCarryingTheServersVariables() {
		Referral referral = Referral.submit(this.service);
		WebSession officer = WebSession.signIn(this.port, "officer");

		HttpResponse<String> forged = officer.send("POST", ENGINE + "/task/" + referral.taskId() + "/submit-form",
				"""
						{"variables": {"reviewDecision": {"value": "APPROVE"}, "reviewComment": {"value": "fine"},
						 "approvedRate": {"value": 9.9}, "secondApprovalRequired": {"value": false},
						 "score": {"value": 999}, "grade": {"value": "A"},
						 "declineReasonChoices": {"value": "[]", "type": "Object", "valueInfo":
						   {"objectTypeName": "org.creditflow.review.FormChoices", "serializationDataFormat": "application/json"}}}}""");

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(forged.body()).contains("'secondApprovalRequired' is not a field", "'score' is not a field",
				"'grade' is not a field", "'declineReasonChoices' is not a field");
		referral.assertUntouched();
	}

	@Test
	void shouldDecideWithTheCheckedTermsWhenTheFormIsSubmittedAsTasklistSubmitsIt() {
		Referral referral = Referral.submit(this.service);
		WebSession officer = WebSession.signIn(this.port, "officer");
		long limit = 15_000_000;
		String offerRate = referral.variable("offerRate").get("value").asText();

		HttpResponse<String> submitted = officer
			.send("POST", ENGINE + "/task/" + referral.taskId() + "/submit-form", """
					{"variables": {"reviewDecision": {"value": "APPROVE"}, "reviewComment": {"value": "smaller loan"},
					 "approvedLimit": {"value": %d}, "approvedRate": {"value": null}, "declineReason": {"value": null},
					 "informationRequested": {"value": null}}}""".formatted(limit));

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
		// less than the 20 million asked: a counter-offer the applicant accepts first
		JsonNode offered = referral.awaitDecision();
		assertThat(offered.get("status").asText()).isEqualTo("OFFERED");
		assertThat(offered.get("counterOffer").get("amount").asLong()).isEqualTo(limit);
		this.service.as("partner")
			.postForObject("/api/applications/" + referral.applicationId() + "/offer/accept", null, JsonNode.class);
		JsonNode decided = referral.awaitDecision();
		assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
		assertThat(decided.get("decision").get("limit").asLong()).isEqualTo(limit);
		assertThat(decided.get("decision").get("decidedBy").asText()).isEqualTo("officer");
		assertThat(decided.get("decision").get("rate").decimalValue()).isEqualByComparingTo(offerRate);
		Referral.assertChainIntact(this.service);
	}

	@Test
	void shouldNeedTasklistsCsrfTokenWithTheSessionCookie() {
		Referral referral = Referral.submit(this.service);
		WebSession officer = WebSession.signIn(this.port, "officer");

		HttpResponse<String> forged = officer.sendWithoutCsrfToken("POST",
				ENGINE + "/task/" + referral.taskId() + "/submit-form",
				"{\"variables\": {\"reviewDecision\": {\"value\": \"DECLINE\"}, \"declineReason\": "
						+ "{\"value\": \"OFFICER_CREDIT_RISK\"}, \"reviewComment\": {\"value\": \"forged\"}}}");

		assertThat(forged.statusCode()).isEqualTo(403);
		referral.assertUntouched();
	}

	@Test
	void shouldLetNoAdministratorDeployFromTheWebapps() {
		WebSession admin = WebSession.signIn(this.port, "admin");

		HttpResponse<String> redeploy = admin.send("POST",
				ENGINE + "/deployment/"
						+ this.service.as("admin")
							.getForObject("/engine-rest/deployment?name=creditflow-processes", JsonNode.class)
							.get(0)
							.get("id")
							.asText()
						+ "/redeploy",
				"{}");

		assertThat(redeploy.statusCode()).isEqualTo(403);
		assertThat(redeploy.body()).contains("processes are deployed by the service");
	}

}
