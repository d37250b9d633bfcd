package org.creditflow.identity;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the service does not start while one of the {@link DemoUsers} still
 * has its demo password (its own name): a database that once ran the demo must not reach
 * production with {@code admin}/{@code admin}. The stored hash is checked directly with
 * Camunda's password manager, so the check is no failed sign-in and locks nobody.
 */
@Component
@Profile("!default & !demo")
class DemoPasswordGuard implements InitializingBean {

	private final ProcessEngine engine;

	private final Environment environment;

	DemoPasswordGuard(ProcessEngine engine, Environment environment) {
		this.engine = engine;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> withDemoPassword = DemoUsers.USERS.stream()
			.map(DemoUsers.DemoUser::id)
			.filter(this::hasDemoPassword)
			.toList();
		if (!withDemoPassword.isEmpty()) {
			throw new IllegalStateException("The demo users " + withDemoPassword
					+ " still have their demo passwords (their own names) in this database, and profile(s) "
					+ List.of(this.environment.getActiveProfiles()) + " are not a demo. Delete those users or "
					+ "give them new passwords in Camunda Admin (on a node started once with the demo profile added, "
					+ "e.g. --spring.profiles.active=postgres,demo), then start again.");
		}
	}

	private boolean hasDemoPassword(String userId) {
		UserEntity user = (UserEntity) this.engine.getIdentityService().createUserQuery().userId(userId).singleResult();
		if (user == null || user.getPassword() == null) {
			return false;
		}
		PasswordManager passwords = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getPasswordManager();
		try {
			return passwords.check(EncryptionUtil.saltPassword(userId, user.getSalt()), user.getPassword());
		}
		catch (ProcessEngineException ex) {
			// a hash of an algorithm this engine does not know cannot be the demo's
			return false;
		}
	}

}
