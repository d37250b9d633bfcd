package org.creditflow.release;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.lang.Nullable;

/**
 * A release as the API shows it: what it puts into service, where it stands, its
 * validation and impact, and its decision trail.
 *
 * @param validation scenarios run and failed, problems by file and line, each scenario's
 * result; null while it is being validated
 * @param impact the champion it was measured against and the headline per population;
 * null until measured
 * @param reports where the full impact reports are, per population
 * @param trail each step of its process that ended, oldest first, with who took it
 */
record ReleaseView(String id, ReleaseStatus status, String version, String role, @Nullable Integer challengerShare,
		ReleaseSource source, boolean rollback, String rationale, OffsetDateTime effectiveAt, String baselineVersion,
		String submittedBy, OffsetDateTime submittedAt, @Nullable String decidedBy, @Nullable OffsetDateTime decidedAt,
		@Nullable String decisionComment, @Nullable OffsetDateTime activatedAt, @Nullable JsonNode validation,
		@Nullable JsonNode impact, Map<String, String> reports, List<Step> trail) {

	/** One step of the release's process. */
	record Step(String step, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime endedAt, @Nullable String by,
			@Nullable String comment) {
	}

}
