package org.creditflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Users the tests create beside the demo users, so that what one test registers (a
 * partner's callback, say) reaches no other test.
 */
public final class TestUsers {

	private TestUsers() {
	}

	/**
	 * A member of the group, created once. Like the demo users', its password is its
	 * name, against the password policy.
	 * @return the user's id
	 */
	public static String member(IdentityService identity, String id, String group) {
		if (identity.createUserQuery().userId(id).count() == 0) {
			User user = identity.newUser(id);
			user.setPassword(id);
			((IdentityServiceImpl) identity).saveUser(user, true);
			identity.createMembership(id, group);
		}
		return id;
	}

}
