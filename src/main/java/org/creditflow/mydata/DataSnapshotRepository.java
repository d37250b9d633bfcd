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
 * The {@code data_snapshot} table: written once per application and source, never
 * updated.
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

	private static DataSnapshot map(ResultSet rs, int row) throws SQLException {
		return new DataSnapshot(rs.getString("id"), rs.getString("application_id"),
				DataSource.valueOf(rs.getString("source")), DataSnapshot.Status.valueOf(rs.getString("status")),
				rs.getString("provider"), rs.getObject("fetched_at", OffsetDateTime.class),
				rs.getString("consent_scope"), rs.getObject("consent_granted_at", OffsetDateTime.class),
				rs.getString("consent_subject"), rs.getString("consent_channel"), rs.getString("payload"),
				rs.getString("payload_sha256"), rs.getString("failure"));
	}

}
