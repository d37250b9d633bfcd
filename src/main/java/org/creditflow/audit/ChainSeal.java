package org.creditflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Seals a decision record: an HMAC-SHA256, keyed with a secret that is not in the
 * database, over the record's fields and the previous record's seal. Whoever can write to
 * the database but does not hold the key cannot compute a valid seal, so cannot rewrite
 * the chain, not even from scratch.
 */
@Component
class ChainSeal {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	ChainSeal(AuditProperties properties) {
		this.key = new SecretKeySpec(properties.chainKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	String seal(DecisionRecord record) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(content(record)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a record carries a plain SHA-256 instead of a seal: written before the
	 * chain was keyed, or forged by someone without the key.
	 */
	boolean isUnkeyed(DecisionRecord record) {
		try {
			return record.hash()
				.equals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content(record))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] content(DecisionRecord record) {
		return String
			.join("|", Long.toString(record.seq()), Objects.toString(record.applicationId(), ""), record.kind(),
					record.actor(), Objects.toString(record.rulesetVersion(), ""), record.payload(),
					Long.toString(record.recordedAt().toInstant().toEpochMilli()), record.previousHash())
			.getBytes(StandardCharsets.UTF_8);
	}

}
