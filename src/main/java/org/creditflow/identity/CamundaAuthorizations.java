package org.creditflow.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates the groups that are creditflow's roles and what each may do in Camunda, in
 * every profile and idempotently, so any node may start first. Users are not created
 * here: in production they come from the bank's user administration (Camunda Admin), in
 * the demo profile from {@link DemoUsers}.
 */
@Component
class CamundaAuthorizations implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);

	/**
	 * One grant to a group: a permission on a resource ({@code *} for all of that type).
	 */
	record Grant(String group, Resource resource, String resourceId, Permission permission) {
	}

	private static final String LOAN_PROCESS = "loan-application";

	/** Risk managers approve ruleset releases in Tasklist. */
	private static final String RELEASE_PROCESS = "ruleset-release";

	/**
	 * Officers read (never write) the variables of loan applications, which Tasklist
	 * shows; a review task's candidates get only READ, TASK_WORK and READ_VARIABLE on it
	 * ({@code default-user-permission-name-for-task}). Senior officers may reassign
	 * review tasks; nobody but administrators may set variables, delegate or change a
	 * task.
	 */
	static final List<Grant> GRANTS = List.of(
			new Grant(Groups.LOAN_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.LOAN_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS, Permissions.READ),
			new Grant(Groups.LOAN_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
			new Grant(Groups.LOAN_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_TASK_VARIABLE),
			new Grant(Groups.SENIOR_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.SENIOR_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS, Permissions.READ),
			new Grant(Groups.SENIOR_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
			new Grant(Groups.SENIOR_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_TASK_VARIABLE),
			new Grant(Groups.SENIOR_OFFICERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.TASK_ASSIGN),
			new Grant(Groups.RISK_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.RISK_MANAGERS, Resources.PROCESS_DEFINITION, RELEASE_PROCESS, Permissions.READ),
			new Grant(Groups.RISK_MANAGERS, Resources.PROCESS_DEFINITION, RELEASE_PROCESS,
					ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
			new Grant(Groups.RISK_MANAGERS, Resources.PROCESS_DEFINITION, RELEASE_PROCESS,
					ProcessDefinitionPermissions.READ_TASK_VARIABLE),
			new Grant(Groups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, LOAN_PROCESS, Permissions.READ),
			new Grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE),
			new Grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_TASK_VARIABLE),
			new Grant(Groups.AUDITORS, Resources.TASK, Authorization.ANY, Permissions.READ),
			// what fetchAndLock asks of the tasks it locks; the workers' other doors to
			// the
			// engine are closed (SecurityConfiguration), and they finish tasks only
			// through
			// the service's API
			new Grant(Groups.MYDATA_WORKERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.READ_INSTANCE),
			new Grant(Groups.MYDATA_WORKERS, Resources.PROCESS_DEFINITION, LOAN_PROCESS,
					ProcessDefinitionPermissions.UPDATE_INSTANCE));

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	CamundaAuthorizations(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	@Override
	public void afterPropertiesSet() {
		Groups.ALL.forEach(this::ensureGroup);
		GRANTS.forEach(this::ensure);
		for (Resources resource : Resources.values()) {
			ensure(new Grant(Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL));
		}
		narrowOpenTasks();
	}

	/**
	 * Tasks created before candidates got TASK_WORK carry UPDATE for them, which would
	 * let a candidate write the task's variables: narrow those to what new tasks get.
	 */
	private void narrowOpenTasks() {
		for (Authorization authorization : this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.hasPermission(Permissions.UPDATE)
			.list()) {
			if (Groups.ADMINS.equals(authorization.getGroupId())
					|| Authorization.ANY.equals(authorization.getResourceId())
					|| authorization.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
				continue;
			}
			authorization.removePermission(Permissions.UPDATE);
			authorization.addPermission(Permissions.TASK_WORK);
			authorization.addPermission(TaskPermissions.READ_VARIABLE);
			this.authorizations.saveAuthorization(authorization);
			log.info("Narrowed {}'s UPDATE on task {} to TASK_WORK",
					(authorization.getGroupId() != null) ? authorization.getGroupId() : authorization.getUserId(),
					authorization.getResourceId());
		}
	}

	private void ensureGroup(String id) {
		if (this.identity.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group group = this.identity.newGroup(id);
		group.setName(id);
		group.setType(Groups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
		try {
			this.identity.saveGroup(group);
			log.info("Created group {}", id);
		}
		catch (RuntimeException ex) {
			raceOrThrow(ex);
		}
	}

	/**
	 * Adds the grant's permission to the group's authorization on that resource, creating
	 * it when missing (Camunda keeps one authorization per group and resource).
	 */
	private void ensure(Grant grant) {
		Authorization authorization = this.authorizations.createAuthorizationQuery()
			.groupIdIn(grant.group())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		if (authorization != null && authorization.isPermissionGranted(grant.permission())) {
			return;
		}
		if (authorization == null) {
			authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.group());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		authorization.addPermission(grant.permission());
		try {
			this.authorizations.saveAuthorization(authorization);
		}
		catch (RuntimeException ex) {
			raceOrThrow(ex);
		}
	}

	/**
	 * Another node starting at the same moment created or changed the same row: every
	 * node grants the same, so the outcome is the same.
	 */
	private static void raceOrThrow(RuntimeException ex) {
		if (!(ex instanceof DataIntegrityViolationException) && !(ex instanceof OptimisticLockingException)
				&& !String.valueOf(ex.getMessage()).contains("constraint")) {
			throw ex;
		}
	}

}
