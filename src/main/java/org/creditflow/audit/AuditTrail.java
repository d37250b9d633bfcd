package org.creditflow.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.creditflow.application.LoanProcess;
import org.creditflow.callback.Notification;
import org.creditflow.callback.Notifications;
import org.creditflow.mydata.DataSnapshot;
import org.creditflow.mydata.MyDataProfiles;
import org.creditflow.web.NotFoundException;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's trail for auditors, in time order: every step of the process from
 * Camunda's history (who did it), every MyData fetch with its consent, and every decision
 * record (assessments with their ruleset version, officers' decisions, the final
 * decision, the removal of its MyData payloads after their retention period). Personal
 * identifiers appear masked only.
 */
@Service
@Transactional(readOnly = true)
class AuditTrail {

	/** One entry of the timeline. */
	record Entry(OffsetDateTime at, String type, String title, @Nullable String actor, @Nullable String rulesetVersion,
			Map<String, Object> details) {
	}

	/** The whole trail of one application. */
	record Trail(String applicationId, String status, String applicant, Map<String, Object> loan,
			@Nullable String processDefinitionId, List<String> activitiesPassed, List<Entry> timeline) {
	}

	private final LoanApplications applications;

	private final MyDataProfiles profiles;

	private final DecisionChain chain;

	private final HistoryService history;

	private final ObjectMapper json;

	private final Notifications notifications;

	AuditTrail(LoanApplications applications, MyDataProfiles profiles, DecisionChain chain, HistoryService history,
			ObjectMapper json, Notifications notifications) {
		this.notifications = notifications;
		this.applications = applications;
		this.profiles = profiles;
		this.chain = chain;
		this.history = history;
		this.json = json;
	}

	Trail of(String applicationId) {
		LoanApplication application = this.applications.find(applicationId)
			.orElseThrow(() -> new NotFoundException("No application " + applicationId));
		List<Entry> timeline = new ArrayList<>();
		List<String> passed = new ArrayList<>();
		HistoricProcessInstance process = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(LoanProcess.KEY)
			.processInstanceBusinessKey(applicationId)
			.singleResult();
		if (process != null) {
			Map<String, String> completedBy = new LinkedHashMap<>();
			for (UserOperationLogEntry operation : this.history.createUserOperationLogQuery()
				.processInstanceId(process.getId())
				.entityType(EntityTypes.TASK)
				.orderByTimestamp()
				.asc()
				.list()) {
				if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operation.getOperationType())) {
					completedBy.putIfAbsent(operation.getTaskId(), operation.getUserId());
				}
				else if (operation.getProperty() == null || "assignee".equals(operation.getProperty())) {
					timeline.add(taskOperation(operation));
				}
			}
			for (HistoricActivityInstance step : this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(process.getId())
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.list()) {
				passed.add(step.getActivityId());
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("activityId", step.getActivityId());
				details.put("activityType", step.getActivityType());
				details.put("ended", time(step.getEndTime()));
				details.put("canceled", step.isCanceled());
				String who = step.getAssignee();
				if (step.getTaskId() != null) {
					details.put("taskId", step.getTaskId());
					details.put("completedBy", completedBy.get(step.getTaskId()));
					who = (who != null) ? who : completedBy.get(step.getTaskId());
				}
				timeline.add(new Entry(time(step.getStartTime()), "STEP",
						(step.getActivityName() != null) ? step.getActivityName() : step.getActivityId(), who, null,
						details));
			}
		}
		for (DataSnapshot snapshot : this.profiles.snapshots(applicationId)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("snapshotId", snapshot.id());
			details.put("status", snapshot.status().name());
			details.put("provider", snapshot.provider());
			details.put("payloadSha256", snapshot.payloadSha256());
			details.put("payloadPurgedAt", snapshot.payloadPurgedAt());
			details.put("failure", snapshot.failure());
			details.put("consentScope", snapshot.consentScope());
			details.put("consentGrantedAt", snapshot.consentGrantedAt());
			details.put("consentChannel", snapshot.consentChannel());
			timeline.add(new Entry(snapshot.fetchedAt(), "DATA_FETCH",
					snapshot.source().name() + " data " + snapshot.status().name().toLowerCase(), snapshot.provider(),
					null, details));
		}
		for (DecisionRecord record : this.chain.forApplication(applicationId)) {
			Map<String, Object> details = new LinkedHashMap<>(read(record.payload()));
			details.put("recordSeq", record.seq());
			details.put("recordHash", record.hash());
			timeline.add(new Entry(record.recordedAt(), record.kind(), title(record.kind(), details), record.actor(),
					record.rulesetVersion(), details));
		}
		for (Notification notification : this.notifications.of(applicationId)) {
			timeline.add(notificationEntry(notification));
		}
		timeline.sort(Comparator.comparing(Entry::at));
		Map<String, Object> loan = new LinkedHashMap<>();
		loan.put("product", application.loan().product());
		loan.put("amount", application.loan().amount());
		loan.put("termMonths", application.loan().termMonths());
		loan.put("purpose", application.loan().purpose());
		return new Trail(applicationId, application.status().name(), application.applicant().masked(), loan,
				(process != null) ? process.getProcessDefinitionId() : null, passed, timeline);
	}

	/**
	 * The partner told of the final status by its callback, with every failed attempt.
	 */
	private static Entry notificationEntry(Notification notification) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("notificationId", notification.id());
		details.put("status", notification.status().name());
		details.put("applicationStatus", notification.applicationStatus());
		details.put("url", notification.url());
		details.put("responseStatus", notification.responseStatus());
		details.put("failedAttempts", notification.failedAttempts());
		details.put("detail", notification.detail());
		return new Entry(notification.startedAt(), "NOTIFICATION",
				"Partner notification " + notification.status().name().toLowerCase(), null, null, details);
	}

	/** A person's action on a task besides completing it: claim, assign, delegate, ... */
	private static Entry taskOperation(UserOperationLogEntry operation) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("taskId", operation.getTaskId());
		details.put("operation", operation.getOperationType());
		details.put("property", operation.getProperty());
		details.put("newValue", operation.getNewValue());
		details.put("orgValue", operation.getOrgValue());
		String title = "Task " + operation.getOperationType().toLowerCase()
				+ ((operation.getNewValue() != null) ? ": " + operation.getNewValue() : "");
		return new Entry(time(operation.getTimestamp()), "TASK_OPERATION", title, operation.getUserId(), null, details);
	}

	private static String title(String kind, Map<String, Object> details) {
		return switch (kind) {
			case DecisionRecordListener.ASSESSMENT ->
				"Assessed: " + details.get("band") + ", score " + details.get("score");
			case DecisionRecordListener.FINAL_DECISION -> "Final decision: " + details.get("outcome");
			case DecisionRecordListener.CONTESTED -> "Decline contested (" + details.get("kind")
					+ "): assessed again as application " + details.get("contestApplicationId");
			case DecisionRecordListener.CONTEST_RECEIVED -> "Contest (" + details.get("kind")
					+ ") of declined application " + details.get("contestedApplicationId");
			case DecisionRecordListener.PAYLOAD_PURGED -> "MyData payloads purged after " + details.get("retention")
					+ ", their SHA-256 kept: " + sources(details.get("payloads"));
			default -> kind.replace('_', ' ').toLowerCase() + ": " + details.get("decision");
		};
	}

	/** The sources of the payloads a purge record lists. */
	private static String sources(@Nullable Object payloads) {
		return (payloads instanceof List<?> list)
				? String.join(", ",
						list.stream().map((payload) -> String.valueOf(((Map<?, ?>) payload).get("source"))).toList())
				: "";
	}

	private Map<String, Object> read(String payload) {
		try {
			return this.json.readValue(payload, Map.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A decision record cannot be read", ex);
		}
	}

	@Nullable
	private static OffsetDateTime time(@Nullable java.util.Date date) {
		return (date != null) ? date.toInstant().atOffset(ZoneOffset.UTC) : null;
	}

}
