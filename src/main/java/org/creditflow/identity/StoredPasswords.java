package org.creditflow.identity;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The password hashes in the Camunda identity store: read, and replaced by today's
 * algorithm when a user signs in with an older one (Camunda's SHA-512, or PBKDF2 with
 * fewer iterations). A sign-in is the only moment the password is known, so that is when
 * an old hash can be upgraded.
 */
@Component
class StoredPasswords {

	private static final Logger log = LoggerFactory.getLogger(StoredPasswords.class);

	private final IdentityService identity;

	private final Pbkdf2PasswordEncryptor encryptor;

	StoredPasswords(IdentityService identity, Pbkdf2PasswordEncryptor encryptor) {
		this.identity = identity;
		this.encryptor = encryptor;
	}

	/** The user's stored hash with its algorithm prefix; empty for an unknown user. */
	Optional<String> hashOf(String userId) {
		return Optional.ofNullable(this.identity.createUserQuery().userId(userId).singleResult())
			.map(User::getPassword);
	}

	/**
	 * Re-hashes a password just proven right if its stored hash is outdated; answers the
	 * hash stored afterwards.
	 */
	Optional<String> upgradeIfOutdated(String userId, String password) {
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		if (user == null || user.getPassword() == null || !this.encryptor.isOutdated(user.getPassword())) {
			return Optional.ofNullable(user).map(User::getPassword);
		}
		user.setPassword(password);
		try {
			// the password was accepted when it was set: a policy introduced since then
			// must not stop its owner from signing in
			((IdentityServiceImpl) this.identity).saveUser(user, true);
			log.info("Password hash of {} upgraded to {}", userId, Pbkdf2PasswordEncryptor.ALGORITHM);
		}
		catch (OptimisticLockingException ex) {
			// a parallel sign-in of the same user changed the row first; the next sign-in
			// tries again
			return hashOf(userId);
		}
		return Optional.ofNullable(user.getPassword());
	}

}
