package org.creditflow.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code information_response} table: every answer an applicant's channel sent to an
 * officer's request for information, and who sent it. Append-only.
 */
@Repository
class InformationResponseRepository {

	private final JdbcClient jdbc;

	InformationResponseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String applicationId, ProvidedInformation information, String providedBy, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into information_response (id, application_id, provided_by, message, annual_income,
				    employment_type, provided_at)
				values (:id, :applicationId, :providedBy, :message, :income, :employment, :at)""")
			.param("id", UUID.randomUUID().toString())
			.param("applicationId", applicationId)
			.param("providedBy", providedBy)
			.param("message", information.message())
			.param("income", information.annualIncome(), java.sql.Types.BIGINT)
			.param("employment", (information.employmentType() != null) ? information.employmentType().name() : null,
					java.sql.Types.VARCHAR)
			.param("at", at)
			.update();
	}

	List<String> providers(String applicationId) {
		return this.jdbc.sql("select distinct provided_by from information_response where application_id = :id")
			.param("id", applicationId)
			.query(String.class)
			.list();
	}

}
