package org.creditflow.scoring;

import java.util.Map;

/**
 * Published when an assessment is recorded, in the same transaction.
 *
 * @param snapshots the MyData snapshots the facts came from, by source: id, status,
 * provider and SHA-256 of the payload
 */
public record AssessmentRecorded(Assessment assessment, Map<String, Object> snapshots) {
}
