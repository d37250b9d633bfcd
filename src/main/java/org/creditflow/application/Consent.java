package org.creditflow.application;

import java.time.OffsetDateTime;

/**
 * The MyData consent the applicant gave with the application: which sources may be read,
 * and when the consent was granted.
 */
public record Consent(boolean financialData, boolean telecomData, OffsetDateTime grantedAt) {
}
