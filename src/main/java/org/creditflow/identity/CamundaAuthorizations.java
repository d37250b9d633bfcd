package org.creditflow.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
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

	static final List<Grant> GRANTS = List.of(
			new Grant(Groups.LOAN_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.LOAN_OFFICERS, Resources.PROCESS_DEFINITION, "loan-application", Permissions.READ),
			new Grant(Groups.SENIOR_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.SENIOR_OFFICERS, Resources.PROCESS_DEFINITION, "loan-application", Permissions.READ),
			new Grant(Groups.RISK_MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.AUDITORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
			new Grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, "loan-application", Permissions.READ),
			new Grant(Groups.AUDITORS, Resources.TASK, Authorization.ANY, Permissions.READ));

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

	private void ensure(Grant grant) {
		if (this.authorizations.createAuthorizationQuery()
			.groupIdIn(grant.group())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.hasPermission(grant.permission())
			.count() > 0) {
			return;
		}
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(grant.group());
		authorization.setResource(grant.resource());
		authorization.setResourceId(grant.resourceId());
		authorization.addPermission(grant.permission());
		try {
			this.authorizations.saveAuthorization(authorization);
		}
		catch (RuntimeException ex) {
			raceOrThrow(ex);
		}
	}

	/** Another node created the same row a moment earlier: the outcome is the same. */
	private static void raceOrThrow(RuntimeException ex) {
		if (!(ex instanceof DataIntegrityViolationException)
				&& !String.valueOf(ex.getMessage()).contains("constraint")) {
			throw ex;
		}
	}

}
