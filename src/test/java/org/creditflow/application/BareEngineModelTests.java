package org.creditflow.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The bare engine's process is {@code loan-application.bpmn} with nothing of the
 * project's but its shape: the same async boundaries, gateways and timers, every delegate
 * and listener a no-op, and the automatic path runs to a final decision on an engine that
 * has no other bean.
 */
class BareEngineModelTests {

	private ProcessEngine engine;

	@BeforeEach
	void startEngine() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:bare-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setProcessEngineName("bare" + UUID.randomUUID().toString().replace("-", ""));
		configuration.setBeans(Map.of(BareEngineNoOp.BEAN, new BareEngineNoOp(), "mydataRetry", new RetryCycle()));
		this.engine = configuration.buildProcessEngine();
		init(this.engine);
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("bare.bpmn", BareEngineModel.of(original()))
			.deploy();
	}

	@AfterEach
	void closeEngine() {
		this.engine.close();
	}

	@Test
	void shouldKeepEveryAsyncBoundaryGatewayAndTimer() {
		BpmnModelInstance original = original();
		BpmnModelInstance bare = BareEngineModel.of(original());

		assertThat(asyncBoundaries(bare)).isEqualTo(asyncBoundaries(original)).isNotEmpty();
		assertThat(ids(bare, FlowNode.class)).isEqualTo(ids(original, FlowNode.class));
		assertThat(ids(bare, SequenceFlow.class)).isEqualTo(ids(original, SequenceFlow.class));
		assertThat(bare.getModelElementsByType(TimerEventDefinition.class))
			.hasSameSizeAs(original.getModelElementsByType(TimerEventDefinition.class))
			.isNotEmpty();
	}

	@Test
	void shouldCallNothingOfTheProject() {
		BpmnModelInstance bare = BareEngineModel.of(original());

		assertThat(bare.getModelElementsByType(ServiceTask.class)).filteredOn((task) -> task.getCamundaType() == null)
			.isNotEmpty()
			.allSatisfy((task) -> assertThat(task.getCamundaDelegateExpression()).isEqualTo(BareEngineModel.NO_OP));
		assertThat(bare.getModelElementsByType(CamundaExecutionListener.class)).isNotEmpty()
			.allSatisfy(
					(listener) -> assertThat(listener.getCamundaDelegateExpression()).isEqualTo(BareEngineModel.NO_OP));
		assertThat(bare.getModelElementsByType(CamundaTaskListener.class)).isNotEmpty()
			.allSatisfy(
					(listener) -> assertThat(listener.getCamundaDelegateExpression()).isEqualTo(BareEngineModel.NO_OP));
		assertThat(Bpmn.convertToString(bare)).doesNotContain("mydataCollection")
			.contains("id=\"" + BareEngineModel.PROCESS_KEY + "\"");
	}

	@Test
	void shouldApproveThroughEveryStepOfTheAutomaticPath() {
		ProcessInstance instance = start(LoanProcess.Bands.APPROVE);

		// the join waits for each branch in a job of its own
		assertThat(runJobs()).containsExactlyInAnyOrder("StartEvent_ApplicationReceived", "Task_CollectFinancialData",
				"Task_CollectTelecomData", "Gateway_DataCollected", "Gateway_DataCollected", "Task_AssessCredit");
		assertThat(instance).isEnded()
			.hasPassed("Gateway_CollectData", "Gateway_Band", "Task_IssueOffer", "EndEvent_Approved");
	}

	@Test
	void shouldDeclineWithoutAnOfficer() {
		ProcessInstance instance = start(LoanProcess.Bands.DECLINE);

		assertThat(runJobs()).hasSize(6);
		assertThat(instance).isEnded().hasPassed("Task_NotifyDecline", "EndEvent_Declined");
	}

	private ProcessInstance start(String band) {
		return this.engine.getRuntimeService()
			.startProcessInstanceByKey(BareEngineModel.PROCESS_KEY, Map.of(LoanProcess.Variables.BAND, band,
					LoanProcess.Variables.CONTEST, LoanProcess.NOT_CONTESTED, BareEngineModel.BY_WORKER, false));
	}

	/** Runs the jobs one at a time until none is left; answers the activity of each. */
	private List<String> runJobs() {
		List<String> ran = new ArrayList<>();
		for (Job job = nextJob(); job != null; job = nextJob()) {
			ran.add(this.engine.getManagementService()
				.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId());
			this.engine.getManagementService().executeJob(job.getId());
		}
		return ran;
	}

	private Job nextJob() {
		return this.engine.getManagementService().createJobQuery().listPage(0, 1).stream().findFirst().orElse(null);
	}

	private static List<String> asyncBoundaries(BpmnModelInstance model) {
		return model.getModelElementsByType(FlowNode.class)
			.stream()
			.flatMap((node) -> Stream.of("asyncBefore", "asyncAfter")
				.filter((async) -> "true".equals(node.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, async)))
				.map((async) -> node.getId() + " " + async))
			.sorted()
			.toList();
	}

	private static <T extends org.camunda.bpm.model.bpmn.instance.BaseElement> List<String> ids(BpmnModelInstance model,
			Class<T> type) {
		return model.getModelElementsByType(type).stream().map(T::getId).sorted().toList();
	}

	/** The retry cycle the BPMN reads, which stays in the bare process. */
	public static final class RetryCycle {

		public String cycle() {
			return "R3/PT10S";
		}

	}

	private static BpmnModelInstance original() {
		try (InputStream in = Files.newInputStream(Path.of("processes/loan-application.bpmn"))) {
			return Bpmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
