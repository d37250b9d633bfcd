package org.creditflow.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code loan_application} table.
 */
@Repository
class LoanApplicationRepository {

	private static final String COLUMNS = """
			id, status, applicant_name, birth_date, phone, email, employment_type, annual_income,
			product, amount, term_months, purpose, financial_consent, telecom_consent, consent_granted_at,
			submitted_by, created_at, updated_at""";

	private final JdbcClient jdbc;

	LoanApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LoanApplication application) {
		Applicant applicant = application.applicant();
		LoanRequest loan = application.loan();
		this.jdbc
			.sql("insert into loan_application (" + COLUMNS + ") values (:id, :status, :name, :birthDate, "
					+ ":phone, :email, :employmentType, :annualIncome, :product, :amount, :termMonths, :purpose, "
					+ ":financialConsent, :telecomConsent, :consentGrantedAt, :submittedBy, :createdAt, :updatedAt)")
			.param("id", application.id())
			.param("status", application.status().name())
			.param("name", applicant.name())
			.param("birthDate", applicant.birthDate())
			.param("phone", applicant.phone())
			.param("email", applicant.email())
			.param("employmentType", applicant.employmentType().name())
			.param("annualIncome", applicant.annualIncome())
			.param("product", loan.product().name())
			.param("amount", loan.amount())
			.param("termMonths", loan.termMonths())
			.param("purpose", loan.purpose().name())
			.param("financialConsent", application.consent().financialData())
			.param("telecomConsent", application.consent().telecomData())
			.param("consentGrantedAt", application.consent().grantedAt())
			.param("submittedBy", application.submittedBy())
			.param("createdAt", application.createdAt())
			.param("updatedAt", application.updatedAt())
			.update();
	}

	Optional<LoanApplication> findById(String id) {
		return this.jdbc.sql("select " + COLUMNS + " from loan_application where id = :id")
			.param("id", id)
			.query(LoanApplicationRepository::map)
			.optional();
	}

	@Nullable
	String statusReason(String id) {
		return this.jdbc.sql("select status_reason from loan_application where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	List<LoanApplication> find(@Nullable ApplicationStatus status, int page, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from loan_application where (:status is null or status = :status) "
					+ "order by created_at desc, id limit :size offset :offset")
			.param("status", (status != null) ? status.name() : null, java.sql.Types.VARCHAR)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(LoanApplicationRepository::map)
			.list();
	}

	long count(@Nullable ApplicationStatus status) {
		return this.jdbc.sql("select count(*) from loan_application where (:status is null or status = :status)")
			.param("status", (status != null) ? status.name() : null, java.sql.Types.VARCHAR)
			.query(Long.class)
			.single();
	}

	/**
	 * Moves an application to {@code status} unless it already reached a final one.
	 * @return whether the row changed
	 */
	boolean updateStatus(String id, ApplicationStatus status, @Nullable String reason, OffsetDateTime at) {
		return this.jdbc
			.sql("update loan_application set status = :status, status_reason = :reason, updated_at = :at "
					+ "where id = :id and status not in ('APPROVED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')")
			.param("status", status.name())
			.param("reason", reason, java.sql.Types.VARCHAR)
			.param("at", at)
			.param("id", id)
			.update() == 1;
	}

	void updateIncome(String id, long annualIncome, EmploymentType employmentType, OffsetDateTime at) {
		this.jdbc
			.sql("update loan_application set annual_income = :income, employment_type = :employment, "
					+ "updated_at = :at where id = :id")
			.param("income", annualIncome)
			.param("employment", employmentType.name())
			.param("at", at)
			.param("id", id)
			.update();
	}

	private static LoanApplication map(ResultSet rs, int row) throws SQLException {
		Applicant applicant = new Applicant(rs.getString("applicant_name"),
				rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("phone"), rs.getString("email"),
				EmploymentType.valueOf(rs.getString("employment_type")), rs.getLong("annual_income"));
		LoanRequest loan = new LoanRequest(LoanProduct.valueOf(rs.getString("product")), rs.getLong("amount"),
				rs.getInt("term_months"), LoanPurpose.valueOf(rs.getString("purpose")));
		Consent consent = new Consent(rs.getBoolean("financial_consent"), rs.getBoolean("telecom_consent"),
				rs.getObject("consent_granted_at", OffsetDateTime.class));
		return new LoanApplication(rs.getString("id"), ApplicationStatus.valueOf(rs.getString("status")), applicant,
				loan, consent, rs.getString("submitted_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
