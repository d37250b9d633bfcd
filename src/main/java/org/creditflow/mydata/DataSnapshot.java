package org.creditflow.mydata;

import java.time.OffsetDateTime;

/**
 * One stored fetch: where the data came from, when, under which consent, and the SHA-256
 * of the exact payload that assessments read.
 *
 * @param consentSubject the application whose consent allowed the fetch
 */
public record DataSnapshot(String id, String applicationId, DataSource source, String provider,
		OffsetDateTime fetchedAt, String consentScope, OffsetDateTime consentGrantedAt, String consentSubject,
		String payload, String payloadSha256) {
}
