package org.creditflow.application;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which application each client's {@code Idempotency-Key} created. The primary
 * key makes a second insert of the same key fail, so two concurrent requests with one key
 * can never both create an application.
 */
@Repository
class IdempotencyKeys {

	record Entry(String requestHash, String applicationId) {
	}

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Entry> find(String clientId, String key) {
		return this.jdbc
			.sql("select request_hash, application_id from application_idempotency_key "
					+ "where client_id = :client and idempotency_key = :key")
			.param("client", clientId)
			.param("key", key)
			.query((rs, row) -> new Entry(rs.getString(1), rs.getString(2)))
			.optional();
	}

	void insert(String clientId, String key, String requestHash, String applicationId, OffsetDateTime at) {
		this.jdbc
			.sql("insert into application_idempotency_key (client_id, idempotency_key, request_hash, "
					+ "application_id, created_at) values (:client, :key, :hash, :applicationId, :at)")
			.param("client", clientId)
			.param("key", key)
			.param("hash", requestHash)
			.param("applicationId", applicationId)
			.param("at", at)
			.update();
	}

}
