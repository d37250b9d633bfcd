package org.creditflow.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One user per role, each with their name as password, for trying creditflow out. They
 * exist only in the default (demo) profile, or where the {@code demo} profile is added;
 * any other profile creates no users at all, and refuses to start while one of them still
 * has its demo password ({@link DemoPasswordGuard}). Their passwords skip Camunda's
 * password policy, on purpose and only here.
 */
@Component
@Profile({ "default", "demo" })
@DependsOn("camundaAuthorizations")
class DemoUsers implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	record DemoUser(String id, String firstName, String lastName, List<String> groups) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("officer", "Minji", "Kim", List.of(Groups.LOAN_OFFICERS)),
			new DemoUser("senior", "Jiho", "Park", List.of(Groups.SENIOR_OFFICERS, Groups.LOAN_OFFICERS)),
			// four eyes needs two different senior officers
			new DemoUser("senior2", "Yuna", "Han", List.of(Groups.SENIOR_OFFICERS, Groups.LOAN_OFFICERS)),
			new DemoUser("analyst", "Seoyeon", "Lee", List.of(Groups.RISK_ANALYSTS)),
			new DemoUser("riskmanager", "Hyunwoo", "Choi", List.of(Groups.RISK_MANAGERS)),
			// a risk manager's release is approved by another
			new DemoUser("riskmanager2", "Jisoo", "Yoon", List.of(Groups.RISK_MANAGERS)),
			new DemoUser("auditor", "Eunji", "Jung", List.of(Groups.AUDITORS)),
			new DemoUser("partner", "Partner", "App", List.of(Groups.PARTNERS)),
			new DemoUser("worker", "MyData", "Worker", List.of(Groups.MYDATA_WORKERS)),
			new DemoUser("servicer", "Loan", "Servicing", List.of(Groups.SERVICERS)),
			new DemoUser("admin", "Admin", "Operator", List.of(Groups.ADMINS)));

	private final IdentityService identity;

	DemoUsers(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public void afterPropertiesSet() {
		for (DemoUser demo : USERS) {
			if (this.identity.createUserQuery().userId(demo.id()).count() > 0) {
				continue;
			}
			User user = this.identity.newUser(demo.id());
			user.setFirstName(demo.firstName());
			user.setLastName(demo.lastName());
			user.setEmail(demo.id() + "@creditflow.example");
			user.setPassword(demo.id());
			// a name as password breaks the policy: acceptable for a demo, nowhere else
			((IdentityServiceImpl) this.identity).saveUser(user, true);
			demo.groups().forEach((group) -> this.identity.createMembership(demo.id(), group));
			log.info("Created demo user {} in {}", demo.id(), demo.groups());
		}
	}

}
