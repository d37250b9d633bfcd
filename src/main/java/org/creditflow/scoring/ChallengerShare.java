package org.creditflow.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which applications a challenger decides: those whose id hashes (SHA-256) into the first
 * {@code share} percent of 10,000 buckets. The same application always lands in the same
 * bucket, so a re-assessment stays with the ruleset that decided it first, and ids that
 * are UUIDs spread evenly over the buckets.
 */
final class ChallengerShare {

	static final int BUCKETS = 10_000;

	private ChallengerShare() {
	}

	static boolean decidedByChallenger(String applicationId, int sharePercent) {
		return bucket(applicationId) < sharePercent * (BUCKETS / 100);
	}

	static int bucket(String applicationId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(applicationId.getBytes(StandardCharsets.UTF_8));
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (hash[i] & 0xff);
			}
			return (int) Long.remainderUnsigned(value, BUCKETS);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
