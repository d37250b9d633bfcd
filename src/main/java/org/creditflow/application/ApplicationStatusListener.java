package org.creditflow.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import org.springframework.stereotype.Component;

/**
 * Keeps an application's status in step with its process: a BPMN element that starts a
 * new stage carries the extension property {@code applicationStatus} (for example
 * {@code ASSESSING}) and this listener on its start event writes it.
 */
@Component
class ApplicationStatusListener implements ExecutionListener {

	static final String PROPERTY = "applicationStatus";

	private final LoanApplicationRepository applications;

	private final Clock clock;

	ApplicationStatusListener(LoanApplicationRepository applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		ApplicationStatus status = ApplicationStatus.valueOf(property(execution.getBpmnModelElementInstance()));
		this.applications.updateStatus(execution.getProcessBusinessKey(), status, null, OffsetDateTime.now(this.clock));
	}

	private static String property(FlowElement element) {
		if (element.getExtensionElements() != null) {
			for (CamundaProperties properties : element.getExtensionElements()
				.getChildElementsByType(CamundaProperties.class)) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (PROPERTY.equals(property.getCamundaName())) {
						return property.getCamundaValue();
					}
				}
			}
		}
		throw new IllegalStateException(
				"BPMN element " + element.getId() + " needs the extension property " + PROPERTY);
	}

}
