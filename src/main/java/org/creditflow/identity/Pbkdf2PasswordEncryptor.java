package org.creditflow.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * Camunda's password hashing made slow on purpose: PBKDF2-HMAC-SHA256 (Spring Security's
 * encoder, with its own random 16-byte salt). Camunda stores the result as
 * {@code {PBKDF2-SHA256}<iterations>:<salt and hash>}; the iteration count travels with
 * each hash because Spring's encoder does not record it, so a later, higher count leaves
 * every older hash verifiable. Hashes of Camunda's default (SHA-512) still verify through
 * Camunda's own checker.
 */
final class Pbkdf2PasswordEncryptor implements PasswordEncryptor, MeterBinder {

	static final String ALGORITHM = "PBKDF2-SHA256";

	/** How Camunda prefixes a stored hash of this algorithm. */
	static final String PREFIX = "{" + ALGORITHM + "}";

	private static final int SALT_BYTES = 16;

	private final int iterations;

	private final Map<Integer, Pbkdf2PasswordEncoder> encoders = new ConcurrentHashMap<>();

	/** Each hash costs a few hundred milliseconds of CPU: worth watching. */
	private final AtomicLong hashesComputed = new AtomicLong();

	Pbkdf2PasswordEncryptor(int iterations) {
		this.iterations = iterations;
	}

	@Override
	public String encrypt(String password) {
		this.hashesComputed.incrementAndGet();
		return this.iterations + ":" + encoder(this.iterations).encode(password);
	}

	@Override
	public boolean check(String password, String encrypted) {
		int separator = encrypted.indexOf(':');
		if (separator < 1) {
			return false;
		}
		int rounds;
		try {
			rounds = Integer.parseInt(encrypted.substring(0, separator));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		this.hashesComputed.incrementAndGet();
		return encoder(rounds).matches(password, encrypted.substring(separator + 1));
	}

	@Override
	public String hashAlgorithmName() {
		return ALGORITHM;
	}

	/**
	 * Whether a stored hash (with Camunda's prefix) should be replaced at the next
	 * sign-in: another algorithm (Camunda's SHA-512) or fewer iterations than today's.
	 */
	boolean isOutdated(String storedHash) {
		if (!storedHash.startsWith(PREFIX)) {
			return true;
		}
		String rest = storedHash.substring(PREFIX.length());
		int separator = rest.indexOf(':');
		try {
			return separator < 1 || Integer.parseInt(rest.substring(0, separator)) < this.iterations;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	long hashesComputed() {
		return this.hashesComputed.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("creditflow.password.hashes", this.hashesComputed, AtomicLong::get)
			.description("PBKDF2 password hashes computed (new passwords and sign-ins not remembered)")
			.register(registry);
	}

	private Pbkdf2PasswordEncoder encoder(int rounds) {
		return this.encoders.computeIfAbsent(rounds, (count) -> {
			Pbkdf2PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", SALT_BYTES, count,
					SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
			encoder.setEncodeHashAsBase64(true);
			return encoder;
		});
	}

}
