package org.creditflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Successful sign-ins of the last minute or so. An API client sends its password with
 * every request (HTTP Basic); checking each against a slow PBKDF2 hash would cost a few
 * hundred milliseconds of CPU per call, so a password recently proven right is recognised
 * instead. Nothing here can be reversed to a password: it keeps an HMAC of the password
 * under a random key that lives only in this process. An entry counts only while the
 * user's stored hash is the one it was proven against (a password changed in Camunda
 * Admin ends it at once), and any failed sign-in of that user drops it.
 */
@Component
class RecentSignIns {

	private static final String MAC_ALGORITHM = "HmacSHA256";

	private record Remembered(byte[] passwordMac, String storedHash, Instant until) {
	}

	private final Map<String, Remembered> byUser = new ConcurrentHashMap<>();

	private final SecretKeySpec key;

	private final Duration remembered;

	private final Clock clock;

	@Autowired
	RecentSignIns(SignInProperties properties, Clock clock) {
		this(properties.rememberedFor(), clock);
	}

	RecentSignIns(Duration remembered, Clock clock) {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.key = new SecretKeySpec(random, MAC_ALGORITHM);
		this.remembered = remembered;
		this.clock = clock;
	}

	/**
	 * Whether this user proved this very password recently, against the hash stored now.
	 */
	boolean recognise(String user, String password, String storedHash) {
		Remembered entry = this.byUser.get(user);
		return entry != null && this.clock.instant().isBefore(entry.until()) && entry.storedHash().equals(storedHash)
				&& MessageDigest.isEqual(entry.passwordMac(), mac(user, password));
	}

	void remember(String user, String password, String storedHash) {
		this.byUser.put(user,
				new Remembered(mac(user, password), storedHash, this.clock.instant().plus(this.remembered)));
	}

	void forget(String user) {
		this.byUser.remove(user);
	}

	private byte[] mac(String user, String password) {
		try {
			Mac mac = Mac.getInstance(MAC_ALGORITHM);
			mac.init(this.key);
			mac.update(user.getBytes(StandardCharsets.UTF_8));
			// a separator, so that ("ab", "c") and ("a", "bc") differ
			mac.update((byte) 0);
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
