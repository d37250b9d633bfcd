package org.creditflow.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in against the Camunda identity store, so the same user and password work
 * in the API, Tasklist and Cockpit. The user's groups become their authorities; the
 * engine's own lock-out after failed attempts applies. A password proven in the last
 * minute is recognised without another slow hash ({@link RecentSignIns}), and an outdated
 * hash is upgraded on a successful sign-in ({@link StoredPasswords}). Sign-ins of one
 * user that find no remembered password check it one at a time: an API client sending
 * many requests at once when its entry has run out pays one slow hash, not one per
 * request.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	private final StoredPasswords passwords;

	private final RecentSignIns recent;

	/**
	 * The slow checks of one user wait for each other: a user name always takes the same
	 * lock, and a few locks shared by all names keep the memory fixed however many names
	 * callers invent.
	 */
	private final Object[] slowChecks = new Object[64];

	CamundaIdentityAuthenticationProvider(IdentityService identity, StoredPasswords passwords, RecentSignIns recent) {
		this.identity = identity;
		this.passwords = passwords;
		this.recent = recent;
		Arrays.setAll(this.slowChecks, (i) -> new Object());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (user == null || user.isBlank() || credentials == null) {
			throw new BadCredentialsException("Bad credentials");
		}
		if (!passwordMatches(user, credentials.toString())) {
			this.recent.forget(user);
			throw new BadCredentialsException("Bad credentials");
		}
		List<SimpleGrantedAuthority> authorities = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	private boolean passwordMatches(String user, String password) {
		if (isRecognised(user, password)) {
			return true;
		}
		synchronized (this.slowChecks[Math.floorMod(user.hashCode(), this.slowChecks.length)]) {
			// the sign-in this one waited for may have proven the same password
			if (isRecognised(user, password)) {
				return true;
			}
			// Camunda counts the failure and locks the account for a while
			if (!this.identity.checkPassword(user, password)) {
				return false;
			}
			this.passwords.upgradeIfOutdated(user, password)
				.ifPresent((hash) -> this.recent.remember(user, password, hash));
			return true;
		}
	}

	private boolean isRecognised(String user, String password) {
		Optional<String> stored = this.passwords.hashOf(user);
		return stored.isPresent() && this.recent.recognise(user, password, stored.get());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
