package org.creditflow.application;

import java.time.OffsetDateTime;

/**
 * Published when an application is approved for less than asked and waits for the
 * applicant to accept the counter-offer, in the transaction that records it.
 */
public record ApplicationOffered(String applicationId, OffsetDateTime offeredAt) {
}
