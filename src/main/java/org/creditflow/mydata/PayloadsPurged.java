package org.creditflow.mydata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Published when an application's MyData payloads are removed after their retention
 * period, in the transaction that removes them: what was removed, and the SHA-256 that
 * stays in their place.
 *
 * @param retention how long they were kept after the application closed
 * @param closedAt when the application reached its final status
 */
public record PayloadsPurged(String applicationId, List<Payload> payloads, Duration retention, OffsetDateTime closedAt,
		OffsetDateTime purgedAt) {

	public PayloadsPurged {
		payloads = List.copyOf(payloads);
	}

	/** One removed payload: its snapshot, where and when it came from, its SHA-256. */
	public record Payload(String snapshotId, DataSource source, String provider, OffsetDateTime fetchedAt,
			String sha256) {
	}

}
