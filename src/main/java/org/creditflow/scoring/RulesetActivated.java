package org.creditflow.scoring;

import java.time.OffsetDateTime;

import org.springframework.lang.Nullable;

/**
 * A change of the rulesets in service, published in the transaction that makes it, so
 * that the audit chain records it or neither happens.
 *
 * @param share the challenger's share in percent (0: the challenge ended); 100 for a
 * champion
 * @param previousVersion what held the role before, if anything
 * @param releaseId the release that made the change; null for the first ruleset of a new
 * database and for the development setting {@code creditflow.rules.auto-activate}
 * @param rollback whether the release put an earlier version back
 */
public record RulesetActivated(String version, RulesetRole role, int share, @Nullable String previousVersion,
		@Nullable String releaseId, String actor, String why, boolean rollback, OffsetDateTime at) {
}
