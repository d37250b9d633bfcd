package org.creditflow.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The task lists officers and risk managers see in Tasklist, created at start-up when
 * missing: the referrals of their groups, their own tasks, and the escalated referrals
 * for senior officers, each with the figures an officer sorts by; and for risk managers
 * the ruleset releases awaiting their approval.
 */
@Component
class TasklistFilters implements InitializingBean {

	record TaskList(String name, String description, int priority, List<String> groups, TaskQuery query,
			List<Map<String, String>> columns) {
	}

	/** The process of ruleset releases, whose approvals risk managers decide. */
	static final String RELEASE_PROCESS = "ruleset-release";

	/** Shown as columns of the task list. */
	private static final List<Map<String, String>> COLUMNS = List.of(
			Map.of("name", Variables.REQUESTED_AMOUNT, "label", "Requested (KRW)"),
			Map.of("name", Variables.SCORE, "label", "Score"), Map.of("name", Variables.GRADE, "label", "Grade"),
			Map.of("name", Variables.BAND, "label", "Band"));

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> officers = List.of(Groups.LOAN_OFFICERS, Groups.SENIOR_OFFICERS, Groups.AUDITORS);
		ensure(new TaskList("My group's referrals", "Open referrals for the groups I belong to", 10, officers,
				this.tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.orderByTaskPriority()
					.desc()
					.orderByTaskCreateTime()
					.asc(),
				COLUMNS));
		ensure(new TaskList("My tasks", "Tasks I have claimed", 20, officers,
				this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().asc(),
				COLUMNS));
		ensure(new TaskList("Escalated", "Referrals past their review SLA", 30,
				List.of(Groups.SENIOR_OFFICERS, Groups.AUDITORS),
				this.tasks.createTaskQuery()
					.processVariableValueEquals(Variables.ESCALATED, true)
					.orderByTaskCreateTime()
					.asc(),
				COLUMNS));
		ensure(new TaskList("Ruleset releases to approve",
				"Releases of rulesets awaiting a risk manager's approval (never one's own)", 40,
				List.of(Groups.RISK_MANAGERS),
				this.tasks.createTaskQuery()
					.processDefinitionKey(RELEASE_PROCESS)
					.taskCandidateGroup(Groups.RISK_MANAGERS)
					.includeAssignedTasks()
					.orderByTaskCreateTime()
					.asc(),
				List.of()));
	}

	private void ensure(TaskList list) {
		if (this.filters.createFilterQuery().filterName(list.name()).count() > 0) {
			return;
		}
		Filter filter = this.filters.newTaskFilter(list.name())
			.setQuery(list.query())
			.setProperties(Map.of("description", list.description(), "priority", list.priority(), "refresh", true,
					"variables", list.columns()));
		this.filters.saveFilter(filter);
		for (String group : list.groups()) {
			Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			read.setGroupId(group);
			read.setResource(Resources.FILTER);
			read.setResourceId(filter.getId());
			read.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(read);
		}
	}

}
