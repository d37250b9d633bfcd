package org.creditflow.application;

import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * {@code loan-application.bpmn} with the project's work taken out: the engine's own floor
 * for this process. Every delegate, execution listener and task listener becomes the
 * {@link BareEngineNoOp} bean; every async boundary, gateway, timer, boundary event and
 * retry cycle stays. The routing conditions keep their variables: {@code band} comes with
 * the start instead of from the assessment, and which collector fetches MyData (a bean
 * call in the real process) is the variable {@code byWorker}, false on the bare path. An
 * approval there is always for the amount asked: no counter-offer waits for an applicant.
 */
final class BareEngineModel {

	static final String PROCESS_KEY = LoanProcess.KEY + "-bare";

	static final String NO_OP = "${" + BareEngineNoOp.BEAN + "}";

	/** The variable standing in for the MyData collection setting. */
	static final String BY_WORKER = "byWorker";

	private static final Pattern COLLECTOR_SETTING = Pattern.compile("mydataCollection\\.byWorker\\('\\w+'\\)");

	/**
	 * Whether an approval is a counter-offer (a bean reading the records in the real
	 * process).
	 */
	private static final Pattern COUNTER_OFFER = Pattern.compile("counterOffers\\.belowRequest\\(execution\\)");

	private BareEngineModel() {
	}

	/** Rewrites the model in place and returns it. */
	static BpmnModelInstance of(BpmnModelInstance model) {
		Process process = model.getModelElementById(LoanProcess.KEY);
		if (process == null) {
			throw new IllegalArgumentException("No process " + LoanProcess.KEY + " in the model");
		}
		process.setId(PROCESS_KEY);
		process.setName(process.getName() + " (bare engine)");
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			if (!"external".equals(task.getCamundaType())) {
				task.setCamundaClass(null);
				task.setCamundaExpression(null);
				task.setCamundaDelegateExpression(NO_OP);
			}
		}
		for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
			callNothing(listener);
		}
		for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
			callNothing(listener);
		}
		for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
			String routing = COLLECTOR_SETTING.matcher(condition.getTextContent()).replaceAll(BY_WORKER);
			condition.setTextContent(COUNTER_OFFER.matcher(routing).replaceAll("false"));
		}
		return model;
	}

	private static void callNothing(ModelElementInstance element) {
		element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_CLASS);
		element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_EXPRESSION);
		element.setAttributeValueNs(BpmnModelConstants.CAMUNDA_NS,
				BpmnModelConstants.CAMUNDA_ATTRIBUTE_DELEGATE_EXPRESSION, NO_OP);
	}

}
