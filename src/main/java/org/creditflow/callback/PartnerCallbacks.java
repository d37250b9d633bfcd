package org.creditflow.callback;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.creditflow.web.ServiceUnavailableException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code partner_callback} table: one callback per partner, its signing secret
 * encrypted with {@code creditflow.callbacks.secret-key} (AES-GCM, a key derived with a
 * salt of its own per secret), so a copy of the database alone cannot forge a
 * notification.
 */
@Repository
class PartnerCallbacks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final CallbackProperties properties;

	private final Clock clock;

	PartnerCallbacks(JdbcClient jdbc, CallbackProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	Optional<PartnerCallback> find(String partner) {
		return this.jdbc.sql("""
				select partner, url, secret_ciphertext, secret_salt, registered_at, updated_at
				from partner_callback where partner = :partner""")
			.param("partner", partner)
			.query((row, number) -> new PartnerCallback(row.getString("partner"), row.getString("url"),
					encryptor(row.getString("secret_salt")).decrypt(row.getString("secret_ciphertext")),
					row.getObject("registered_at", OffsetDateTime.class),
					row.getObject("updated_at", OffsetDateTime.class)))
			.optional();
	}

	boolean exists(String partner) {
		return this.jdbc.sql("select count(*) from partner_callback where partner = :partner")
			.param("partner", partner)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Registers the URL, or changes it keeping the secret.
	 * @return the callback, and whether it is new (its secret then shown once)
	 */
	@Transactional
	Saved save(String partner, String url) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int changed = this.jdbc
			.sql("update partner_callback set url = :url, updated_at = :now where partner = :partner")
			.param("url", url)
			.param("now", now)
			.param("partner", partner)
			.update();
		boolean created = false;
		if (changed == 0) {
			try {
				insert(partner, url, newSecret(), now);
				created = true;
			}
			catch (DuplicateKeyException ex) {
				// registered by a concurrent request of the same partner: this one
				// changes its URL
				save(partner, url);
			}
		}
		return new Saved(find(partner).orElseThrow(), created);
	}

	/** A new signing secret; the old one signs nothing from now on. */
	@Transactional
	Optional<PartnerCallback> rotateSecret(String partner) {
		String salt = KeyGenerators.string().generateKey();
		String ciphertext = encryptor(salt).encrypt(newSecret());
		int changed = this.jdbc.sql("""
				update partner_callback set secret_ciphertext = :secret, secret_salt = :salt, updated_at = :now
				where partner = :partner""")
			.param("secret", ciphertext)
			.param("salt", salt)
			.param("now", OffsetDateTime.now(this.clock))
			.param("partner", partner)
			.update();
		return (changed == 0) ? Optional.empty() : find(partner);
	}

	boolean delete(String partner) {
		return this.jdbc.sql("delete from partner_callback where partner = :partner")
			.param("partner", partner)
			.update() > 0;
	}

	private void insert(String partner, String url, String secret, OffsetDateTime now) {
		String salt = KeyGenerators.string().generateKey();
		String ciphertext = encryptor(salt).encrypt(secret);
		this.jdbc.sql("""
				insert into partner_callback (partner, url, secret_ciphertext, secret_salt, registered_at, updated_at)
				values (:partner, :url, :secret, :salt, :now, :now)""")
			.param("partner", partner)
			.param("url", url)
			.param("secret", ciphertext)
			.param("salt", salt)
			.param("now", now)
			.update();
	}

	private TextEncryptor encryptor(String salt) {
		if (!this.properties.configured()) {
			throw notConfigured();
		}
		return Encryptors.delux(this.properties.secretKey(), salt);
	}

	static ServiceUnavailableException notConfigured() {
		return new ServiceUnavailableException("Decision callbacks are not set up on this service: it needs "
				+ "creditflow.callbacks.secret-key (CREDITFLOW_CALLBACKS_SECRET_KEY) to keep the partners' "
				+ "signing secrets");
	}

	/** 32 random bytes, hex: what the partner verifies signatures with. */
	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + HexFormat.of().formatHex(bytes);
	}

	record Saved(PartnerCallback callback, boolean created) {
	}

}
