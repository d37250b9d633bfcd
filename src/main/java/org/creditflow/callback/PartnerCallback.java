package org.creditflow.callback;

import java.time.OffsetDateTime;

/**
 * A partner's registered callback.
 *
 * @param secret the signing secret, decrypted
 */
record PartnerCallback(String partner, String url, String secret, OffsetDateTime registeredAt,
		OffsetDateTime updatedAt) {
}
