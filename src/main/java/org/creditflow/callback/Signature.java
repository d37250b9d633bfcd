package org.creditflow.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a notification is signed, so the partner can tell it came from creditflow and was
 * not replayed: HMAC-SHA256 with the partner's secret over
 * {@code timestamp + "." + body}, sent as {@code X-Creditflow-Signature: sha256=<hex>}
 * beside {@code X-Creditflow-Timestamp} (Unix seconds; a partner refuses old ones).
 */
final class Signature {

	static final String SIGNATURE_HEADER = "X-Creditflow-Signature";

	static final String TIMESTAMP_HEADER = "X-Creditflow-Timestamp";

	/**
	 * The notification's id: the same on every retry of it, for the partner to skip
	 * repeats.
	 */
	static final String DELIVERY_HEADER = "X-Creditflow-Delivery";

	private Signature() {
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
