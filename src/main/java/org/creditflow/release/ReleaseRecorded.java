package org.creditflow.release;

import java.time.OffsetDateTime;

import org.creditflow.scoring.RulesetRole;

import org.springframework.lang.Nullable;

/**
 * A step of a release that the audit chain records, published in the transaction that
 * takes it: submitted, approved or rejected. (Activation is recorded by the rulesets in
 * service themselves, {@code RulesetActivated}.)
 *
 * @param kind {@value #SUBMITTED}, {@value #APPROVED} or {@value #REJECTED}
 * @param why the rationale of a submission, the comment of an approval, the reason of a
 * rejection
 */
public record ReleaseRecorded(String kind, String releaseId, String actor, String version, String baselineVersion,
		RulesetRole role, @Nullable Integer challengerShare, boolean rollback, OffsetDateTime effectiveAt, String why,
		OffsetDateTime at) {

	public static final String SUBMITTED = "RELEASE_SUBMITTED";

	public static final String APPROVED = "RELEASE_APPROVED";

	public static final String REJECTED = "RELEASE_REJECTED";

	static ReleaseRecorded of(String kind, Release release, String actor, String why, OffsetDateTime at) {
		return new ReleaseRecorded(kind, release.id(), actor, release.version(), release.baselineVersion(),
				release.role(), release.challengerShare(), release.rollback(), release.effectiveAt(), why, at);
	}

}
