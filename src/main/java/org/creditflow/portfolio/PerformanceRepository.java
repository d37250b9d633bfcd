package org.creditflow.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** The tables {@code loan_performance} and {@code loan_outcome}. */
@Repository
class PerformanceRepository {

	private final JdbcClient jdbc;

	PerformanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the loan's application row until the transaction ends, so reports of one
	 * loan, on one node or several, are stored and derived one after another.
	 */
	void lockLoan(String applicationId) {
		this.jdbc.sql("select id from loan_application where id = :id for update")
			.param("id", applicationId)
			.query(String.class)
			.list();
	}

	Optional<MonthlyReport> find(String applicationId, YearMonth month) {
		return this.jdbc.sql("select * from loan_performance where application_id = :id and report_month = :month")
			.param("id", applicationId)
			.param("month", month.atDay(1))
			.query(PerformanceRepository::report)
			.optional();
	}

	List<MonthlyReport> reports(String applicationId) {
		return this.jdbc.sql("select * from loan_performance where application_id = :id order by report_month")
			.param("id", applicationId)
			.query(PerformanceRepository::report)
			.list();
	}

	void insert(MonthlyReport report) {
		this.jdbc.sql("""
				insert into loan_performance (application_id, report_month, days_past_due, status, balance, reported_by,
				                              reported_at, revision)
				values (:id, :month, :dpd, :status, :balance, :by, :at, :revision)""").params(values(report)).update();
	}

	void update(MonthlyReport report) {
		this.jdbc.sql("""
				update loan_performance set days_past_due = :dpd, status = :status, balance = :balance,
				       reported_by = :by, reported_at = :at, revision = :revision
				where application_id = :id and report_month = :month""").params(values(report)).update();
	}

	Optional<LoanOutcome> outcome(String applicationId) {
		return this.jdbc.sql("select * from loan_outcome where application_id = :id")
			.param("id", applicationId)
			.query(PerformanceRepository::outcome)
			.optional();
	}

	/** Every reported loan as it was decided, with its outcome so far. */
	List<LoanOnBook> book() {
		return this.jdbc.sql("select * from loan_outcome order by booked_month, application_id")
			.query((row, number) -> new LoanOnBook(booked(row), outcome(row, number)))
			.list();
	}

	/** The loans whose flag was derived under another bad definition. */
	List<String> derivedUnderAnotherDefinition(String definition) {
		return this.jdbc.sql("select application_id from loan_outcome where bad_definition <> :definition")
			.param("definition", definition)
			.query(String.class)
			.list();
	}

	void save(BookedLoan loan, LoanOutcome outcome, OffsetDateTime now) {
		Map<String, Object> values = new HashMap<>();
		values.put("id", outcome.applicationId());
		values.put("booked", outcome.bookedMonth().atDay(1));
		values.put("grade", loan.grade());
		values.put("segment", loan.segment());
		values.put("pd", loan.pdPercent());
		values.put("version", loan.rulesetVersion());
		values.put("role", loan.rulesetRole());
		values.put("band", loan.rulesBand());
		values.put("decidedBy", loan.decidedBy());
		values.put("mob", outcome.monthsOnBook());
		values.put("status", outcome.lastStatus().name());
		values.put("worst", outcome.worstDaysPastDue());
		values.put("bad", outcome.bad());
		values.put("badMonth", (outcome.badMonth() != null) ? outcome.badMonth().atDay(1) : null);
		values.put("definition", outcome.definition());
		values.put("now", now);
		int updated = this.jdbc.sql("""
				update loan_outcome set booked_month = :booked, grade = :grade, segment = :segment, pd_percent = :pd,
				       ruleset_version = :version, ruleset_role = :role, rules_band = :band, decided_by = :decidedBy,
				       months_on_book = :mob, last_status = :status,
				       worst_days_past_due = :worst, bad = :bad, bad_month = :badMonth, bad_definition = :definition,
				       updated_at = :now
				where application_id = :id""").params(values).update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into loan_outcome (application_id, booked_month, grade, segment, pd_percent, ruleset_version,
					                          ruleset_role, rules_band, decided_by, months_on_book, last_status,
					                          worst_days_past_due, bad, bad_month, bad_definition, updated_at)
					values (:id, :booked, :grade, :segment, :pd, :version, :role, :band, :decidedBy, :mob, :status,
					        :worst, :bad, :badMonth, :definition, :now)""").params(values).update();
		}
	}

	private static Map<String, Object> values(MonthlyReport report) {
		return Map.of("id", report.applicationId(), "month", report.month().atDay(1), "dpd", report.daysPastDue(),
				"status", report.status().name(), "balance", report.balance(), "by", report.reportedBy(), "at",
				report.reportedAt(), "revision", report.revision());
	}

	private static MonthlyReport report(ResultSet row, int number) throws SQLException {
		return new MonthlyReport(row.getString("application_id"), month(row.getObject("report_month", LocalDate.class)),
				row.getInt("days_past_due"), LoanStatus.valueOf(row.getString("status")), row.getLong("balance"),
				row.getString("reported_by"), row.getObject("reported_at", OffsetDateTime.class),
				row.getInt("revision"));
	}

	private static LoanOutcome outcome(ResultSet row, int number) throws SQLException {
		return new LoanOutcome(row.getString("application_id"), month(row.getObject("booked_month", LocalDate.class)),
				row.getInt("months_on_book"), LoanStatus.valueOf(row.getString("last_status")),
				row.getInt("worst_days_past_due"), row.getBoolean("bad"),
				monthOrNull(row.getObject("bad_month", LocalDate.class)), row.getString("bad_definition"));
	}

	private static BookedLoan booked(ResultSet row) throws SQLException {
		return new BookedLoan(row.getString("application_id"), month(row.getObject("booked_month", LocalDate.class)),
				row.getString("grade"), row.getString("segment"), row.getObject("pd_percent", Double.class),
				row.getString("ruleset_version"), row.getString("ruleset_role"), row.getString("rules_band"),
				row.getString("decided_by"));
	}

	private static YearMonth month(LocalDate day) {
		return YearMonth.from(day);
	}

	@Nullable
	private static YearMonth monthOrNull(@Nullable LocalDate day) {
		return (day != null) ? YearMonth.from(day) : null;
	}

}
