package org.creditflow.mydata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code data_snapshot} table: written once per application and source. Afterwards
 * only retention touches a row: it notes when the application ended, and removes the
 * payload once the retention period has passed (the SHA-256 stays).
 */
@Repository
class DataSnapshotRepository {

	private final JdbcClient jdbc;

	DataSnapshotRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DataSnapshot snapshot) {
		this.jdbc.sql("""
				insert into data_snapshot (id, application_id, source, status, provider, fetched_at, consent_scope,
				    consent_granted_at, consent_subject, consent_channel, payload, payload_sha256, failure)
				values (:id, :applicationId, :source, :status, :provider, :fetchedAt, :consentScope,
				    :consentGrantedAt, :consentSubject, :consentChannel, :payload, :sha256, :failure)""")
			.param("id", snapshot.id())
			.param("applicationId", snapshot.applicationId())
			.param("source", snapshot.source().name())
			.param("status", snapshot.status().name())
			.param("provider", snapshot.provider())
			.param("fetchedAt", snapshot.fetchedAt())
			.param("consentScope", snapshot.consentScope())
			.param("consentGrantedAt", snapshot.consentGrantedAt())
			.param("consentSubject", snapshot.consentSubject())
			.param("consentChannel", snapshot.consentChannel(), Types.VARCHAR)
			.param("payload", snapshot.payload(), Types.VARCHAR)
			.param("sha256", snapshot.payloadSha256(), Types.VARCHAR)
			.param("failure", snapshot.failure(), Types.VARCHAR)
			.update();
	}

	Optional<DataSnapshot> find(String applicationId, DataSource source) {
		return this.jdbc.sql("select * from data_snapshot where application_id = :id and source = :source")
			.param("id", applicationId)
			.param("source", source.name())
			.query(DataSnapshotRepository::map)
			.optional();
	}

	List<DataSnapshot> findAll(String applicationId) {
		return this.jdbc.sql("select * from data_snapshot where application_id = :id order by fetched_at, source")
			.param("id", applicationId)
			.query(DataSnapshotRepository::map)
			.list();
	}

	/** The retention of an application's payloads starts: it reached its final status. */
	void markClosed(String applicationId, OffsetDateTime closedAt) {
		this.jdbc
			.sql("update data_snapshot set application_closed_at = :closedAt "
					+ "where application_id = :id and payload is not null and application_closed_at is null")
			.param("closedAt", closedAt)
			.param("id", applicationId)
			.update();
	}

	/**
	 * Applications with payloads still kept whose application closed before the cut-off,
	 * the longest closed first.
	 */
	List<String> applicationsWithExpiredPayloads(OffsetDateTime cutoff, int limit) {
		return this.jdbc.sql("""
				select application_id, min(application_closed_at) as closed_at from data_snapshot
				where payload_purged_at is null and application_closed_at < :cutoff
				group by application_id order by closed_at, application_id limit :limit""")
			.param("cutoff", cutoff)
			.param("limit", limit)
			.query((rs, row) -> rs.getString("application_id"))
			.list();
	}

	/**
	 * An application's payloads past the cut-off, locked until the transaction ends, so a
	 * second purge of the same application waits and then finds nothing left to do.
	 */
	List<DataSnapshot> lockExpiredPayloads(String applicationId, OffsetDateTime cutoff) {
		return this.jdbc.sql("""
				select * from data_snapshot where application_id = :id and payload_purged_at is null
				    and application_closed_at < :cutoff order by source for update""")
			.param("id", applicationId)
			.param("cutoff", cutoff)
			.query(DataSnapshotRepository::map)
			.list();
	}

	/** When the application reached its final status, as its snapshots were told. */
	Optional<OffsetDateTime> closedAt(String applicationId) {
		return this.jdbc.sql("select max(application_closed_at) from data_snapshot where application_id = :id")
			.param("id", applicationId)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional();
	}

	void purgePayload(String snapshotId, OffsetDateTime purgedAt) {
		this.jdbc.sql("update data_snapshot set payload = null, payload_purged_at = :purgedAt where id = :id")
			.param("purgedAt", purgedAt)
			.param("id", snapshotId)
			.update();
	}

	/** Payloads kept beyond the cut-off: what the purge has yet to remove. */
	long countExpiredPayloads(OffsetDateTime cutoff) {
		return this.jdbc.sql(
				"select count(*) from data_snapshot where payload_purged_at is null and application_closed_at < :cutoff")
			.param("cutoff", cutoff)
			.query(Long.class)
			.single();
	}

	private static DataSnapshot map(ResultSet rs, int row) throws SQLException {
		return new DataSnapshot(rs.getString("id"), rs.getString("application_id"),
				DataSource.valueOf(rs.getString("source")), DataSnapshot.Status.valueOf(rs.getString("status")),
				rs.getString("provider"), rs.getObject("fetched_at", OffsetDateTime.class),
				rs.getString("consent_scope"), rs.getObject("consent_granted_at", OffsetDateTime.class),
				rs.getString("consent_subject"), rs.getString("consent_channel"), rs.getString("payload"),
				rs.getString("payload_sha256"), rs.getString("failure"),
				rs.getObject("payload_purged_at", OffsetDateTime.class));
	}

}
