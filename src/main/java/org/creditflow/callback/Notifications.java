package org.creditflow.callback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

import org.springframework.stereotype.Component;

/**
 * The notifications of an application, read from the engine's history of the
 * {@code decision-notification} process: its variables say what was sent and answered,
 * its job log every failed attempt, its state whether it still waits for an operator.
 */
@Component
public class Notifications {

	private final HistoryService history;

	Notifications(HistoryService history) {
		this.history = history;
	}

	/** Every notification of the application's final status, oldest first. */
	public List<Notification> of(String applicationId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DecisionNotifications.PROCESS_KEY)
			.processInstanceBusinessKey(applicationId)
			.list()
			.stream()
			.sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
			.map(this::notification)
			.toList();
	}

	private Notification notification(HistoricProcessInstance instance) {
		Map<String, Object> variables = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.filter((variable) -> variable.getValue() != null)
			.collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
		List<Notification.FailedAttempt> failures = this.history.createHistoricJobLogQuery()
			.processInstanceId(instance.getId())
			.failureLog()
			.orderByTimestamp()
			.asc()
			.list()
			.stream()
			.map((failure) -> new Notification.FailedAttempt(time(failure.getTimestamp()), reason(failure)))
			.toList();
		Notification.Status status = status(instance, variables);
		String detail = switch (status) {
			case SKIPPED -> (String) variables.get(NotificationVariables.SKIPPED);
			case FAILED -> "Every attempt failed; an operator can retry it from Cockpit (incident on "
					+ "'Notify partner'). Last: "
					+ (failures.isEmpty() ? "" : failures.get(failures.size() - 1).reason());
			default -> null;
		};
		return new Notification(instance.getId(), (String) variables.get(NotificationVariables.STATUS), status,
				(String) variables.get(NotificationVariables.URL),
				(Integer) variables.get(NotificationVariables.RESPONSE_STATUS), time(instance.getStartTime()),
				(instance.getEndTime() != null) ? time(instance.getEndTime()) : null, failures, detail);
	}

	private Notification.Status status(HistoricProcessInstance instance, Map<String, Object> variables) {
		if (variables.containsKey(NotificationVariables.RESPONSE_STATUS)) {
			return Notification.Status.DELIVERED;
		}
		if (variables.containsKey(NotificationVariables.SKIPPED)) {
			return Notification.Status.SKIPPED;
		}
		boolean incident = this.history.createHistoricIncidentQuery()
			.processInstanceId(instance.getId())
			.open()
			.count() > 0;
		return incident ? Notification.Status.FAILED : Notification.Status.PENDING;
	}

	private static String reason(HistoricJobLog failure) {
		return (failure.getJobExceptionMessage() != null) ? failure.getJobExceptionMessage() : "failed";
	}

	private static OffsetDateTime time(Date date) {
		return date.toInstant().atOffset(ZoneOffset.UTC);
	}

}
