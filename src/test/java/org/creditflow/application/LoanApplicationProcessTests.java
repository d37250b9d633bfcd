package org.creditflow.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.creditflow.CreditflowIntegrationTest;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path through {@code loan-application.bpmn}, run by the real engine with its job
 * executor, on applicants the MyData simulator makes approvable, referable or declinable.
 */
@CreditflowIntegrationTest
class LoanApplicationProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	IdentityService identity;

	@Autowired
	ApplicationIntake intake;

	@Autowired
	ApplicantActions actions;

	@Autowired
	LoanApplications applications;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void initAssertions() {
		init(this.engine);
	}

	@AfterEach
	void signOut() {
		this.identity.clearAuthentication();
	}

	@Test
	void shouldApproveOnTheRulesAlone() {
		ProcessInstance process = submit(TestApplications.PRIME);

		awaitEnd(process);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.hasPassedInOrder("StartEvent_ApplicationReceived", "Gateway_CollectData", "Task_AssessCredit",
					"Gateway_Band", "Task_IssueOffer", "EndEvent_Approved")
			.hasPassed("Task_CollectFinancialData", "Task_CollectTelecomData")
			.hasNotPassed("Task_ReviewApplication");
		assertThat(status(process)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(decisionColumn(process, "decided_by")).isEqualTo("rules");
	}

	@Test
	void shouldDeclineOnTheRulesAlone() {
		ProcessInstance process = submit(TestApplications.body(TestApplications.PRIME, LocalDate.now().minusYears(18)));

		awaitEnd(process);
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.hasPassed("Task_NotifyDecline", "EndEvent_Declined")
			.hasNotPassed("Task_ReviewApplication", "Task_IssueOffer");
		assertThat(status(process)).isEqualTo(ApplicationStatus.DECLINED);
	}

	@Test
	void shouldReferToLoanOfficersAndApproveOnTheOfficersDecision() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");

		assertThat(status(process)).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(candidateGroups(review)).containsExactly(Groups.LOAN_OFFICERS);

		completeAs("officer", List.of(Groups.LOAN_OFFICERS), review, approve("looks fine"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.isEnded()
			.hasPassed("Gateway_FourEyes", "Task_IssueOffer", "EndEvent_Approved")
			.hasNotPassed("Task_SecondApproval");
		assertThat(status(process)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(decisionColumn(process, "decided_by")).isEqualTo("officer");
		assertThat(decisionColumn(process, "decision_comment")).isEqualTo("looks fine");
	}

	@Test
	void shouldNeedASecondApproverForTermsBeyondTheRulesOffer() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");
		Map<String, Object> betterRate = approve("loyal customer, better rate");
		betterRate.put(Variables.APPROVED_RATE, 9.5);

		completeAs("senior", List.of(Groups.SENIOR_OFFICERS, Groups.LOAN_OFFICERS), review, betterRate);
		Task secondApproval = awaitTask(process, "Task_SecondApproval");
		assertThat(candidateGroups(secondApproval)).containsExactly(Groups.SENIOR_OFFICERS);

		assertThatThrownBy(() -> completeAs("senior", List.of(Groups.SENIOR_OFFICERS), secondApproval,
				Map.of(Variables.SECOND_APPROVAL_DECISION, "APPROVE", Variables.SECOND_APPROVAL_COMMENT, "ok")))
			.hasMessageContaining("four eyes");
		assertThat(this.tasks.createTaskQuery().taskId(secondApproval.getId()).count()).isOne();

		createUser("senior2", Groups.SENIOR_OFFICERS);
		completeAs("senior2", List.of(Groups.SENIOR_OFFICERS), secondApproval,
				Map.of(Variables.SECOND_APPROVAL_DECISION, "APPROVE", Variables.SECOND_APPROVAL_COMMENT, "agreed"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.hasPassed("Task_SecondApproval", "EndEvent_Approved");
		assertThat(decisionColumn(process, "second_approver")).isEqualTo("senior2");
		assertThat(decisionColumn(process, "annual_rate")).isEqualTo("9.50");
	}

	@Test
	void shouldNeedASecondApproverAboveTheFourEyesLimit() {
		ObjectNode body = TestApplications.body(TestApplications.AVERAGE);
		// 35 million over ten years: above the four-eyes limit of 30 million, within the
		// DSR limit
		((ObjectNode) body.get("loan")).put("amount", 35_000_000L);
		((ObjectNode) body.get("loan")).put("termMonths", 120);
		ProcessInstance process = submit(body);
		Task review = awaitTask(process, "Task_ReviewApplication");

		completeAs("officer", List.of(Groups.LOAN_OFFICERS), review, approve("within the offer, but large"));

		awaitTask(process, "Task_SecondApproval");
	}

	@Test
	void shouldReturnToTheOfficerWhenTheSecondApproverDisagrees() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Map<String, Object> betterRate = approve("better rate");
		betterRate.put(Variables.APPROVED_RATE, 9.5);
		completeAs("officer", List.of(Groups.LOAN_OFFICERS), awaitTask(process, "Task_ReviewApplication"), betterRate);

		completeAs("senior", List.of(Groups.SENIOR_OFFICERS), awaitTask(process, "Task_SecondApproval"),
				Map.of(Variables.SECOND_APPROVAL_DECISION, "REJECT", Variables.SECOND_APPROVAL_COMMENT,
						"the rules' rate stands"));

		awaitTask(process, "Task_ReviewApplication");
		assertThat(status(process)).isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void shouldDeclineOnTheOfficersDecisionWithTheirReasonFirst() {
		ProcessInstance process = submit(TestApplications.AVERAGE);

		completeAs("officer", List.of(Groups.LOAN_OFFICERS), awaitTask(process, "Task_ReviewApplication"),
				Map.of(Variables.REVIEW_DECISION, "DECLINE", Variables.DECLINE_REASON, "OFFICER_CREDIT_RISK",
						Variables.REVIEW_COMMENT, "too many blemishes"));

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.hasPassed("Task_NotifyDecline", "EndEvent_Declined");
		assertThat(status(process)).isEqualTo(ApplicationStatus.DECLINED);
		assertThat(decisionColumn(process, "reasons")).startsWith("[{\"code\":\"OFFICER_CREDIT_RISK\"");
	}

	@Test
	void shouldAssessAgainWithTheInformationTheApplicantSendsAndReturnToTheOfficer() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		completeAs("officer", List.of(Groups.LOAN_OFFICERS), awaitTask(process, "Task_ReviewApplication"),
				Map.of(Variables.REVIEW_DECISION, "REQUEST_INFORMATION", Variables.INFORMATION_REQUESTED,
						"last three pay slips", Variables.REVIEW_COMMENT, "income looks low"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.isWaitingAt("Gateway_AwaitInformation");

		this.actions.provideInformation(this.applications.get(process.getBusinessKey()),
				new ProvidedInformation("pay slips attached", 60_000_000L, null), "partner");

		awaitTask(process, "Task_ReviewApplication");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process).hasPassed("Task_ReassessCredit");
		assertThat(this.applications.get(process.getBusinessKey()).applicant().annualIncome()).isEqualTo(60_000_000L);
		assertThat(this.jdbc.sql("select count(*) from credit_assessment where application_id = :id")
			.param("id", process.getBusinessKey())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldExpireWhenTheApplicantDoesNotAnswerInTime() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		completeAs("officer", List.of(Groups.LOAN_OFFICERS), awaitTask(process, "Task_ReviewApplication"),
				Map.of(Variables.REVIEW_DECISION, "REQUEST_INFORMATION", Variables.INFORMATION_REQUESTED,
						"proof of employment", Variables.REVIEW_COMMENT, "self-declared"));

		this.management.executeJob(timer(process, "Event_InformationTimeout").getId());

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.isEnded()
			.hasPassed("Task_RecordExpiry", "EndEvent_Expired");
		assertThat(status(process)).isEqualTo(ApplicationStatus.EXPIRED);
		assertThat(this.jdbc.sql("select status_reason from loan_application where id = :id")
			.param("id", process.getBusinessKey())
			.query(String.class)
			.single()).contains("proof of employment");
	}

	@Test
	void shouldEscalateToSeniorOfficersWhenTheSlaPassesWithoutLosingTheTask() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");
		this.tasks.claim(review.getId(), "officer");

		this.management.executeJob(timer(process, "Event_ReviewSlaPassed").getId());

		Task escalated = this.tasks.createTaskQuery().taskId(review.getId()).singleResult();
		assertThat(escalated.getAssignee()).isEqualTo("officer");
		assertThat(escalated.getPriority()).isEqualTo(90);
		assertThat(candidateGroups(escalated)).containsExactlyInAnyOrder(Groups.LOAN_OFFICERS, Groups.SENIOR_OFFICERS);
		assertThat(this.runtime.getVariable(process.getId(), Variables.ESCALATED)).isEqualTo(true);
	}

	@Test
	void shouldEndAtOnceWhenTheApplicantWithdraws() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		awaitTask(process, "Task_ReviewApplication");

		this.actions.withdraw(this.applications.get(process.getBusinessKey()), "partner");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(process)
			.isEnded()
			.hasPassed("StartEvent_Withdrawn", "Task_RecordWithdrawal", "EndEvent_Withdrawn");
		assertThat(this.tasks.createTaskQuery().processInstanceId(process.getId()).count()).isZero();
		assertThat(status(process)).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	@Test
	void shouldRefuseAReviewWithoutCommentOrBeyondRequestAndLegalRateAndKeepTheTaskOpen() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");
		Map<String, Object> tooMuch = approve(" ");
		tooMuch.put(Variables.APPROVED_LIMIT, 25_000_000L);
		tooMuch.put(Variables.APPROVED_RATE, 24.0);

		assertThatThrownBy(() -> completeAs("officer", List.of(Groups.LOAN_OFFICERS), review, tooMuch))
			.hasMessageContaining("a comment is required")
			.hasMessageContaining("above the amount requested")
			.hasMessageContaining("above the legal maximum of 20 %");
		assertThatThrownBy(() -> completeAs("officer", List.of(Groups.LOAN_OFFICERS), review,
				Map.of(Variables.REVIEW_DECISION, "DECLINE", Variables.REVIEW_COMMENT, "no")))
			.hasMessageContaining("decline reason");
		assertThatThrownBy(() -> this.tasks.complete(review.getId(), approve("anonymous")))
			.hasMessageContaining("signed-in user");

		assertThat(this.tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
		assertThat(status(process)).isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void shouldKeepTheRulesFactsWhateverTheFormSends() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");
		Object offerLimit = this.runtime.getVariable(process.getId(), Variables.OFFER_LIMIT);
		Map<String, Object> forged = approve("forged offer");
		forged.put(Variables.OFFER_RATE, 9.5);
		forged.put(Variables.APPROVED_RATE, 9.5);
		forged.put(Variables.REVIEWED_BY, "someone-else");

		completeAs("officer", List.of(Groups.LOAN_OFFICERS), review, forged);

		// the rate below the rules' offer is still an override: a second approval is
		// needed
		awaitTask(process, "Task_SecondApproval");
		assertThat(this.runtime.getVariable(process.getId(), Variables.OFFER_LIMIT)).isEqualTo(offerLimit);
		assertThat(this.runtime.getVariable(process.getId(), Variables.REVIEWED_BY)).isEqualTo("officer");
	}

	@Test
	void shouldIssueNoOfferTheRecordsDoNotSupportEvenWhenTheProcessIsPushedThere() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		awaitTask(process, "Task_ReviewApplication");
		// an insider with the engine's Java API: forged variables, then a jump past the
		// review
		this.runtime.setVariable(process.getId(), Variables.BAND, "APPROVE");
		this.runtime.setVariable(process.getId(), Variables.REVIEW_DECISION, "APPROVE");
		this.runtime.setVariable(process.getId(), Variables.APPROVED_RATE, 0.1);

		assertThatThrownBy(() -> this.runtime.createProcessInstanceModification(process.getId())
			.cancelAllForActivity("Task_ReviewApplication")
			.startBeforeActivity("Task_IssueOffer")
			.execute()).isInstanceOf(UnsettledDecisionException.class)
			.hasMessageContaining("no officer's approval of its latest assessment is on record");
		assertThatThrownBy(() -> this.runtime.createProcessInstanceModification(process.getId())
			.cancelAllForActivity("Task_ReviewApplication")
			.startBeforeActivity("Task_NotifyDecline")
			.execute()).isInstanceOf(UnsettledDecisionException.class);
		assertThat(status(process)).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(this.tasks.createTaskQuery().processInstanceId(process.getId()).count()).isOne();
	}

	@Test
	void shouldNotLetTheProcessEndBeforeTheApplicationHasAFinalStatus() {
		ProcessInstance process = submit(TestApplications.AVERAGE);
		Task review = awaitTask(process, "Task_ReviewApplication");

		assertThatThrownBy(() -> this.runtime.deleteProcessInstance(process.getId(), "tidying up"))
			.isInstanceOf(UnsettledDecisionException.class)
			.hasMessageContaining("cannot end before the application is approved, declined, withdrawn or expired");
		// a BPMN error nothing catches fails instead of ending the process silently
		assertThatThrownBy(() -> this.tasks.handleBpmnError(review.getId(), "ANY_ERROR"))
			.isInstanceOf(ProcessEngineException.class);
		assertThat(status(process)).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isOne();
	}

	private ProcessInstance submit(String persona) {
		return submit(TestApplications.body(persona));
	}

	private ProcessInstance submit(ObjectNode body) {
		String id = this.intake.submit(TestApplications.request(body), "partner", null).application().id();
		return this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
	}

	private Task awaitTask(ProcessInstance process, String activityId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.tasks.createTaskQuery()
				.processInstanceId(process.getId())
				.taskDefinitionKey(activityId)
				.singleResult(), (task) -> task != null);
	}

	private void awaitEnd(ProcessInstance process) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.history.createHistoricProcessInstanceQuery()
				.processInstanceId(process.getId())
				.finished()
				.count() == 1);
	}

	private Job timer(ProcessInstance process, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(process.getId())
			.timers()
			.activityId(activityId)
			.singleResult();
	}

	private void completeAs(String user, List<String> groups, Task task, Map<String, Object> variables) {
		this.identity.setAuthentication(user, groups);
		try {
			this.tasks.complete(task.getId(), variables);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private static Map<String, Object> approve(String comment) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Variables.REVIEW_DECISION, "APPROVE");
		variables.put(Variables.REVIEW_COMMENT, comment);
		return variables;
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> "candidate".equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private ApplicationStatus status(ProcessInstance process) {
		return this.applications.get(process.getBusinessKey()).status();
	}

	private String decisionColumn(ProcessInstance process, String column) {
		return this.jdbc.sql("select " + column + " from loan_decision where application_id = :id")
			.param("id", process.getBusinessKey())
			.query(String.class)
			.single();
	}

	private void createUser(String id, String group) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			this.identity.saveUser(this.identity.newUser(id));
			this.identity.createMembership(id, group);
		}
	}

}
