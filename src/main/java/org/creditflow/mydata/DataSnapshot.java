package org.creditflow.mydata;

import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * One source of MyData for one application, stored once: where it came from, when, under
 * which consent, and either the exact payload the provider answered with (and its
 * SHA-256) or, for a source that stayed unavailable, why it is missing. Once the payload
 * has been kept for the retention period after the application ended, it is removed and
 * only its SHA-256 stays.
 *
 * @param consentSubject the application whose applicant gave the consent
 * @param consentChannel the channel (API client or officer) the consent came through
 * @param payload the provider's answer; null when missing or purged
 * @param payloadPurgedAt when the payload was removed after its retention period; null
 * while it is kept
 */
public record DataSnapshot(String id, String applicationId, DataSource source, Status status, String provider,
		OffsetDateTime fetchedAt, String consentScope, OffsetDateTime consentGrantedAt, String consentSubject,
		@Nullable String consentChannel, @Nullable String payload, @Nullable String payloadSha256,
		@Nullable String failure, @Nullable OffsetDateTime payloadPurgedAt) {

	public enum Status {

		/** the provider's answer is stored */
		RECEIVED,
		/** the provider stayed unavailable through every retry */
		MISSING

	}

}
