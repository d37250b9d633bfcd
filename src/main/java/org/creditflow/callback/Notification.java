package org.creditflow.callback;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * One notification of an application's final status, as the engine's history tells it.
 *
 * @param id the notification's id, sent as {@code X-Creditflow-Delivery}
 * @param status where it stands
 * @param url where it was delivered; null until then (a failed attempt names it in its
 * reason)
 * @param responseStatus the partner's answer to the delivery; null until delivered
 * @param failedAttempts every attempt that failed, oldest first, with why
 * @param detail what an officer needs to know: why it was skipped or why it failed last
 */
public record Notification(String id, String applicationStatus, Status status, @Nullable String url,
		@Nullable Integer responseStatus, OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt,
		List<FailedAttempt> failedAttempts, @Nullable String detail) {

	public enum Status {

		/** waiting for its first attempt or for a retry */
		PENDING,
		/** the partner's server accepted it (2xx) */
		DELIVERED,
		/** the partner removed its callback before it could be sent */
		SKIPPED,
		/** every attempt failed: an incident waits for an operator (retry in Cockpit) */
		FAILED

	}

	public record FailedAttempt(OffsetDateTime at, String reason) {
	}

}
