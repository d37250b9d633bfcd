package org.creditflow.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;

import org.springframework.context.annotation.Lazy;
import org.springframework.lang.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The bare engine (profile {@value #PROFILE}, off unless asked for):
 * {@code loan-application} deployed a second time as {@value BareEngineModel#PROCESS_KEY}
 * with every delegate a no-op ({@link BareEngineModel}), so a load benchmark can drive
 * the engine's own floor for this process through the same door, on the same service and
 * database, as the real one. An instance runs the automatic path: both MyData steps, the
 * join, the assessment, and the band given at the start ({@code APPROVE} or
 * {@code DECLINE}) to its end event.
 */
@Component
@Profile(BareEngine.PROFILE)
class BareEngine extends SpringBootProcessEnginePlugin {

	static final String PROFILE = "bare-engine";

	static final String DEPLOYMENT_NAME = "creditflow-bare-engine";

	private static final String SOURCE = "loan-application.bpmn";

	/** An instance as the benchmark sees it: started at, ended at, and how. */
	record Instance(String id, String status, OffsetDateTime submittedAt, @Nullable OffsetDateTime decidedAt) {
	}

	private final ProcessDeployment processes;

	private final RuntimeService runtime;

	private final HistoryService history;

	BareEngine(ProcessDeployment processes, @Lazy RuntimeService runtime, @Lazy HistoryService history) {
		this.processes = processes;
		this.runtime = runtime;
		this.history = history;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		engine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_NAME)
			// a restart with the same process makes no new version
			.enableDuplicateFiltering(false)
			.addModelInstance(BareEngineModel.PROCESS_KEY + ".bpmn",
					BareEngineModel.of(Bpmn.readModelFromStream(new ByteArrayInputStream(source()))))
			.deploy();
	}

	private byte[] source() {
		Resource resource = this.processes.getDeploymentResources()
			.stream()
			.filter((candidate) -> SOURCE.equals(candidate.getFilename()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + SOURCE + " among the deployed processes"));
		try {
			return resource.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts an instance that ends in {@code band}: APPROVE or DECLINE. */
	String start(String band) {
		return this.runtime
			.startProcessInstanceByKey(BareEngineModel.PROCESS_KEY, UUID.randomUUID().toString(),
					Map.of(LoanProcess.Variables.REQUESTED_AMOUNT, 15_000_000L, LoanProcess.Variables.FINANCIAL_CONSENT,
							true, LoanProcess.Variables.TELECOM_CONSENT, true, LoanProcess.Variables.BAND, band,
							LoanProcess.Variables.CONTEST, LoanProcess.NOT_CONTESTED, BareEngineModel.BY_WORKER, false))
			.getId();
	}

	Optional<Instance> find(String id) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BareEngineModel.PROCESS_KEY)
			.processInstanceId(id)
			.singleResult();
		return Optional.ofNullable(instance)
			.map((found) -> new Instance(found.getId(), status(found), utc(found.getStartTime()),
					(found.getEndTime() != null) ? utc(found.getEndTime()) : null));
	}

	private static String status(HistoricProcessInstance instance) {
		if (instance.getEndTime() == null) {
			return "RUNNING";
		}
		return switch (String.valueOf(instance.getEndActivityId())) {
			case "EndEvent_Approved" -> ApplicationStatus.APPROVED.name();
			case "EndEvent_Declined" -> ApplicationStatus.DECLINED.name();
			default -> instance.getState();
		};
	}

	private static OffsetDateTime utc(Date date) {
		return date.toInstant().atOffset(ZoneOffset.UTC);
	}

}
