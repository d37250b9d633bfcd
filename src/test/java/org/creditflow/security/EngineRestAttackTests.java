package org.creditflow.security;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.creditflow.ApplicationBodies;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks through Camunda's REST API ({@code /engine-rest}) by the people who can reach
 * it: a loan officer who is a candidate on a review task, and the administrator. Each one
 * tries to decide, end or skip an application outside the checked review, and each one
 * must leave the application's status, decision and audit chain as they were.
 */
@CreditflowIntegrationTest
class EngineRestAttackTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	ServiceClient service;

	@BeforeEach
	void connect() {
		this.service = new ServiceClient(this.http);
	}

	@Test
	void shouldNotLetACandidateWriteTheTermsIntoTaskOrProcessVariables() {
		Referral referral = Referral.submit(this.service);
		String task = "/engine-rest/task/" + referral.taskId();
		String instance = "/engine-rest/process-instance/" + referral.processInstanceId();
		JsonNode forgedRate = typed(0.1, "Double");

		List<ResponseEntity<String>> writes = List.of(
				send("officer", HttpMethod.PUT, task + "/variables/approvedRate", forgedRate),
				send("officer", HttpMethod.PUT, task + "/localVariables/approvedRate", forgedRate),
				send("officer", HttpMethod.POST, task + "/variables", modifications("approvedRate", forgedRate)),
				send("officer", HttpMethod.POST, task + "/localVariables",
						modifications("secondApprovalRequired", typed(false, "Boolean"))),
				send("officer", HttpMethod.DELETE, task + "/variables/band", null),
				send("officer", HttpMethod.PUT, instance + "/variables/approvedRate", forgedRate),
				send("officer", HttpMethod.POST, instance + "/variables",
						modifications("band", typed("APPROVE", "String"))),
				send("officer", HttpMethod.PUT,
						"/engine-rest/execution/" + referral.processInstanceId() + "/localVariables/approvedRate",
						forgedRate));

		assertThat(writes).allSatisfy((write) -> assertThat(write.getStatusCode().value()).isEqualTo(403));
		referral.assertUntouched();
		assertThat(referral.hasVariable("approvedRate")).isFalse();

		// the officer approves the rules' offer: the application gets that offer, nothing
		// else
		String offerRate = referral.variable("offerRate").get("value").asText();
		assertThat(this.service
			.complete("officer", referral.taskId(), Map.of("reviewDecision", "APPROVE", "reviewComment", "as offered"))
			.getStatusCode()
			.value()).isEqualTo(204);
		JsonNode decided = referral.awaitDecision();
		assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
		assertThat(decided.get("decision").get("rate").decimalValue()).isEqualByComparingTo(offerRate);
		Referral.assertChainIntact(this.service);
	}

	@Test
	void shouldRefuseACompletionThatCarriesMoreThanTheFormsFields() {
		Referral referral = Referral.submit(this.service);

		ResponseEntity<JsonNode> forged = this.service.complete("officer", referral.taskId(),
				Map.of("reviewDecision", "APPROVE", "reviewComment", "fine", "approvedRate", 9.9,
						"secondApprovalRequired", false, "reviewedBy", "senior", "band", "APPROVE", "offerRate", 0.1));
		ObjectNode objectValue = JSON.createObjectNode();
		objectValue.putObject("variables").set("approvedRate", typed("rO0ABXQAAzAuMQ==", "Object"));
		ResponseEntity<String> serialized = send("officer", HttpMethod.POST,
				"/engine-rest/task/" + referral.taskId() + "/complete", objectValue);

		assertThat(forged.getStatusCode().value()).isEqualTo(400);
		assertThat(forged.getBody().get("message").asText()).contains("'secondApprovalRequired' is not a field")
			.contains("'reviewedBy' is not a field")
			.contains("'band' is not a field")
			.contains("'offerRate' is not a field");
		assertThat(serialized.getStatusCode().value()).isEqualTo(400);
		assertThat(serialized.getBody()).contains("'approvedRate' must be a plain value");
		referral.assertUntouched();
	}

	@Test
	void shouldNotLetABpmnErrorOrAnEscalationEndOrSkipTheReview() {
		Referral referral = Referral.submit(this.service);
		String task = "/engine-rest/task/" + referral.taskId();
		ObjectNode error = JSON.createObjectNode().put("errorCode", "MYDATA_UNAVAILABLE");
		error.putObject("variables").set("band", typed("APPROVE", "String"));
		ObjectNode escalation = JSON.createObjectNode().put("escalationCode", "ANY");

		for (String user : List.of("officer", "admin")) {
			ResponseEntity<String> bpmnError = send(user, HttpMethod.POST, task + "/bpmnError", error);
			ResponseEntity<String> bpmnEscalation = send(user, HttpMethod.POST, task + "/bpmnEscalation", escalation);

			assertThat(bpmnError.getStatusCode().value()).as(user).isEqualTo(403);
			assertThat(bpmnError.getBody()).contains("never with a BPMN error");
			assertThat(bpmnEscalation.getStatusCode().value()).as(user).isEqualTo(403);
		}
		referral.assertUntouched();
		assertThat(referral.variable("band").get("value").asText()).isEqualTo("REFER");
		// and the applicant can still withdraw: nothing is stuck
		assertThat(this.service.as("partner")
			.postForObject("/api/applications/" + referral.applicationId() + "/withdraw", null, JsonNode.class)
			.get("status")
			.asText()).isEqualTo("WITHDRAWN");
	}

	@Test
	void shouldRefuseTheOtherTaskCallsThatWouldHandTheDecisionToSomeoneElse() {
		Referral referral = Referral.submit(this.service);
		String task = "/engine-rest/task/" + referral.taskId();

		ResponseEntity<String> delegate = send("officer", HttpMethod.POST, task + "/delegate", user("partner"));
		ResponseEntity<String> assign = send("officer", HttpMethod.POST, task + "/assignee", user("partner"));
		ResponseEntity<String> addGroup = send("officer", HttpMethod.POST, task + "/identity-links",
				JSON.createObjectNode().put("groupId", "partners").put("type", "candidate"));
		ResponseEntity<String> rename = send("officer", HttpMethod.PUT, task,
				JSON.createObjectNode().put("name", "Approved already").put("priority", 100));
		ResponseEntity<String> resolve = send("officer", HttpMethod.POST, task + "/resolve",
				JSON.createObjectNode().set("variables", modificationsOf("band", typed("APPROVE", "String"))));
		ResponseEntity<String> adminDelegates = send("admin", HttpMethod.POST, task + "/delegate", user("partner"));

		assertThat(List.of(delegate, assign, addGroup, rename, resolve, adminDelegates))
			.allSatisfy((call) -> assertThat(call.getStatusCode().value()).as(call.getBody()).isEqualTo(403));
		referral.assertUntouched();
	}

	@Test
	void shouldCheckTheReviewersGroupWhoeverTheTaskWasAssignedTo() {
		Referral referral = Referral.submit(this.service);
		// the administrator may assign a task to anyone; the decision is still checked
		assertThat(
				send("admin", HttpMethod.POST, "/engine-rest/task/" + referral.taskId() + "/assignee", user("analyst"))
					.getStatusCode()
					.value())
			.isEqualTo(204);

		ResponseEntity<JsonNode> analyst = this.service.complete("analyst", referral.taskId(),
				Map.of("reviewDecision", "APPROVE", "reviewComment", "I was assigned"));

		assertThat(analyst.getStatusCode().value()).isEqualTo(400);
		assertThat(analyst.getBody().get("message").asText())
			.contains("only members of loan-officers or senior-officers may decide this task");
		referral.assertUntouched();
	}

	@Test
	void shouldNotLetTheOfficerWhoSubmittedAnApplicationReviewIt() {
		Referral referral = Referral.submitAs(this.service, "officer",
				ApplicationBodies.body(ApplicationBodies.AVERAGE));

		ResponseEntity<JsonNode> own = this.service.complete("officer", referral.taskId(),
				Map.of("reviewDecision", "APPROVE", "reviewComment", "my own customer"));

		assertThat(own.getStatusCode().value()).isEqualTo(400);
		assertThat(own.getBody().get("message").asText()).contains("separation of duties");
		referral.assertUntouched();
		assertThat(this.service
			.complete("senior", referral.taskId(), Map.of("reviewDecision", "APPROVE", "reviewComment", "checked"))
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(referral.awaitDecision().get("status").asText()).isEqualTo("APPROVED");
		assertThat(this.jdbc.sql("select decided_by from loan_decision where application_id = :id")
			.param("id", referral.applicationId())
			.query(String.class)
			.single()).isEqualTo("senior");
	}

	@Test
	void shouldNotLetWhoeverAnsweredTheInformationRequestDecideTheReviewThatFollows() {
		// someone who works both sides: a partner channel's user who is also a loan
		// officer
		createUser("bothsides", List.of("partners", "loan-officers"));
		Referral referral = Referral.submit(this.service);
		assertThat(this.service
			.complete("officer", referral.taskId(),
					Map.of("reviewDecision", "REQUEST_INFORMATION", "informationRequested", "pay slips",
							"reviewComment", "income unclear"))
			.getStatusCode()
			.value()).isEqualTo(204);
		this.service.awaitStatus(referral.applicationId(), "IN_REVIEW");
		assertThat(this.service.as("bothsides")
			.postForEntity("/api/applications/" + referral.applicationId() + "/information",
					ServiceClient.json("{\"message\": \"pay slips attached\"}"), JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		Referral again = Referral.of(this.service, referral.applicationId());

		ResponseEntity<JsonNode> ownAnswer = this.service.complete("bothsides", again.taskId(),
				Map.of("reviewDecision", "APPROVE", "reviewComment", "the pay slips are fine"));

		assertThat(ownAnswer.getStatusCode().value()).isEqualTo(400);
		assertThat(ownAnswer.getBody().get("message").asText()).contains("separation of duties");
		again.assertUntouched();
	}

	@Test
	void shouldRefuseProcessLevelDoorsToEveryCandidate() {
		Referral referral = Referral.submit(this.service);
		String instance = "/engine-rest/process-instance/" + referral.processInstanceId();
		ObjectNode withdraw = JSON.createObjectNode()
			.put("messageName", "ApplicationWithdrawn")
			.put("businessKey", referral.applicationId());
		ObjectNode information = JSON.createObjectNode()
			.put("messageName", "InformationProvided")
			.put("businessKey", referral.applicationId());
		ObjectNode start = JSON.createObjectNode().put("businessKey", "forged-application");
		ObjectNode moveToOffer = JSON.createObjectNode();
		moveToOffer.putArray("instructions")
			.addObject()
			.put("type", "startBeforeActivity")
			.put("activityId", "Task_IssueOffer");

		List<ResponseEntity<String>> officerCalls = List
			.of(send("officer", HttpMethod.POST, "/engine-rest/message", withdraw),
					send("officer", HttpMethod.POST, "/engine-rest/message", information),
					send("officer", HttpMethod.POST, "/engine-rest/process-definition/key/loan-application/start",
							start),
					send("officer", HttpMethod.POST, instance + "/modification", moveToOffer),
					send("officer", HttpMethod.DELETE, instance, null), send("officer", HttpMethod.PUT,
							instance + "/suspended", JSON.createObjectNode().put("suspended", true)));
		List<ResponseEntity<String>> adminCalls = List.of(
				send("admin", HttpMethod.POST, instance + "/modification", moveToOffer),
				send("admin", HttpMethod.DELETE, instance, null),
				send("admin", HttpMethod.DELETE, instance + "?skipCustomListeners=true", null));

		assertThat(officerCalls)
			.allSatisfy((call) -> assertThat(call.getStatusCode().value()).as(call.getBody()).isIn(400, 403, 404));
		assertThat(officerCalls.get(0).getStatusCode().value()).isNotEqualTo(204);
		assertThat(adminCalls)
			.allSatisfy((call) -> assertThat(call.getStatusCode().value()).as(call.getBody()).isEqualTo(403));
		assertThat(adminCalls.get(1).getBody()).contains("withdraw the application instead");
		referral.assertUntouched();
		assertThat(this.service.as("admin")
			.getForObject("/engine-rest/process-instance/count?businessKey=forged-application", JsonNode.class)
			.get("count")
			.asInt()).isZero();
	}

	@Test
	void shouldLetNobodyDeployOrDeleteAProcess() {
		long before = deployments();
		String deployment = this.service.as("admin")
			.getForObject("/engine-rest/deployment?name=creditflow-processes&sortBy=deploymentTime&sortOrder=desc",
					JsonNode.class)
			.get(0)
			.get("id")
			.asText();

		List<ResponseEntity<String>> attempts = List.of(deploy("officer"), deploy("admin"),
				send("admin", HttpMethod.POST, "/engine-rest/deployment/" + deployment + "/redeploy",
						JSON.createObjectNode()),
				send("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null),
				send("admin", HttpMethod.DELETE, "/engine-rest/process-definition/key/loan-application?cascade=true",
						null));

		assertThat(attempts)
			.allSatisfy((call) -> assertThat(call.getStatusCode().value()).as(call.getBody()).isEqualTo(403));
		assertThat(attempts.get(1).getBody()).contains("processes are deployed by the service");
		assertThat(deployments()).isEqualTo(before);
	}

	@Test
	void shouldRefuseNumbersThatCouldCostMemoryOrTime() {
		Referral referral = Referral.submit(this.service);

		List<Object> limits = List.of("1E+999999999", "9".repeat(400), "-5", "12.5", "NaN");
		for (Object limit : limits) {
			ResponseEntity<JsonNode> refused = this.service.complete("officer", referral.taskId(),
					Map.of("reviewDecision", "APPROVE", "reviewComment", "ok", "approvedLimit", limit));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(limit)).isEqualTo(400);
			assertThat(refused.getBody().get("message").asText()).as(String.valueOf(limit))
				.contains("approvedLimit must be")
				.hasSizeLessThan(500);
		}
		for (Object rate : List.of("1E+999999999", Double.MAX_VALUE, "Infinity", "7.123")) {
			ResponseEntity<JsonNode> refused = this.service.complete("officer", referral.taskId(),
					Map.of("reviewDecision", "APPROVE", "reviewComment", "ok", "approvedRate", rate));
			assertThat(refused.getStatusCode().value()).as(String.valueOf(rate)).isEqualTo(400);
			assertThat(refused.getBody().get("message").asText()).as(String.valueOf(rate))
				.contains("approvedRate must be")
				.hasSizeLessThan(500);
		}
		referral.assertUntouched();
	}

	private void createUser(String id, List<String> groups) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setPassword(id);
			// like the demo users, a test user's password is its name, against the policy
			((IdentityServiceImpl) this.identity).saveUser(user, true);
			groups.forEach((group) -> this.identity.createMembership(id, group));
		}
	}

	private long deployments() {
		return this.service.as("admin")
			.getForObject("/engine-rest/deployment/count", JsonNode.class)
			.get("count")
			.asLong();
	}

	private ResponseEntity<String> deploy(String user) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "forged");
		parts.add("data", new ByteArrayResource("""
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
				  <process id="loan-application" isExecutable="true"><startEvent id="s"/></process>
				</definitions>""".getBytes()) {
			@Override
			public String getFilename() {
				return "loan-application.bpmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.service.as(user)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
					String.class);
	}

	private ResponseEntity<String> send(String user, HttpMethod method, String path, JsonNode body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.service.as(user)
			.exchange(path, method, new HttpEntity<>((body != null) ? body.toString() : null, headers), String.class);
	}

	private static ObjectNode typed(Object value, String type) {
		ObjectNode variable = JSON.createObjectNode();
		variable.putPOJO("value", value);
		variable.put("type", type);
		return variable;
	}

	private static ObjectNode modifications(String name, JsonNode value) {
		ObjectNode body = JSON.createObjectNode();
		body.set("modifications", modificationsOf(name, value));
		return body;
	}

	private static ObjectNode modificationsOf(String name, JsonNode value) {
		ObjectNode variables = JSON.createObjectNode();
		variables.set(name, value);
		return variables;
	}

	private static ObjectNode user(String userId) {
		return JSON.createObjectNode().put("userId", userId);
	}

}
