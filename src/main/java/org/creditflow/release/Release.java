package org.creditflow.release;

import java.time.OffsetDateTime;

import org.creditflow.scoring.RulesetRole;

import org.springframework.lang.Nullable;

/**
 * A release as {@code ruleset_release} holds it.
 *
 * @param version the ruleset version it puts into service
 * @param challengerShare for a challenger, its share of new applications in percent (0
 * ends the challenge)
 * @param rollback whether it puts an earlier version back as champion
 * @param baselineVersion the champion when it was submitted, which its impact is measured
 * against
 * @param problems validation's problems (JSON), if it was refused
 * @param impact the impact's headlines (JSON), once measured
 */
record Release(String id, String version, RulesetRole role, @Nullable Integer challengerShare, ReleaseSource source,
		boolean rollback, String rationale, OffsetDateTime effectiveAt, ReleaseStatus status, String baselineVersion,
		@Nullable String scenarios, @Nullable String problems, @Nullable String impact, String submittedBy,
		OffsetDateTime submittedAt, @Nullable String decidedBy, @Nullable OffsetDateTime decidedAt,
		@Nullable String decisionComment, @Nullable OffsetDateTime activatedAt, @Nullable String processInstanceId) {
}
