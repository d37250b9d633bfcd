package org.creditflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.creditflow.review.ReviewDecision.Step;
import org.creditflow.scoring.Assessment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code review_decision} table: append-only.
 */
@Repository
class ReviewDecisionRepository {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReviewDecisionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Records the decision, or refuses it when the task already has one: two officers
	 * completed it at once, and the other was first. The decision is published (for the
	 * audit trail) in the same transaction.
	 */
	void insert(ReviewDecision decision) {
		try {
			insertRow(decision);
		}
		catch (DuplicateKeyException | ConcurrencyFailureException ex) {
			throw new ReviewRejectedException(
					List.of("another user has just decided this task; reload Tasklist to see the application's state"));
		}
		this.events.publishEvent(decision);
	}

	private void insertRow(ReviewDecision decision) {
		ReviewDecision.Verification verification = decision.verification();
		this.jdbc.sql("""
				insert into review_decision (id, application_id, assessment_id, task_id, step, decided_by,
				    decided_by_groups, decision, decision_comment, approved_limit, approved_rate, decline_reason,
				    information_requested, second_approval_required, verified_monthly_income,
				    verified_monthly_repayments, verification_document, decided_at)
				values (:id, :applicationId, :assessmentId, :taskId, :step, :decidedBy, :groups, :decision,
				    :comment, :limit, :rate, :declineReason, :informationRequested, :secondApprovalRequired,
				    :verifiedIncome, :verifiedRepayments, :verificationDocument, :decidedAt)""")
			.param("verifiedIncome", (verification != null) ? verification.monthlyIncome() : null, Types.BIGINT)
			.param("verifiedRepayments", (verification != null) ? verification.monthlyRepayments() : null, Types.BIGINT)
			.param("verificationDocument", (verification != null) ? verification.document() : null, Types.VARCHAR)
			.param("id", decision.id())
			.param("applicationId", decision.applicationId())
			.param("assessmentId", decision.assessmentId(), Types.VARCHAR)
			.param("taskId", decision.taskId())
			.param("step", decision.step().name())
			.param("decidedBy", decision.decidedBy())
			.param("groups", String.join(",", decision.decidedByGroups()))
			.param("decision", decision.decision())
			.param("comment", decision.comment())
			.param("limit", decision.approvedLimit(), Types.BIGINT)
			.param("rate", decision.approvedRate(), Types.NUMERIC)
			.param("declineReason", decision.declineReason(), Types.VARCHAR)
			.param("informationRequested", decision.informationRequested(), Types.VARCHAR)
			.param("secondApprovalRequired", decision.secondApprovalRequired(), Types.BOOLEAN)
			.param("decidedAt", decision.decidedAt())
			.update();
	}

	/**
	 * The last decision of that step taken on this assessment (records from before
	 * assessments were kept on them count when they came after it).
	 */
	Optional<ReviewDecision> latestOn(Assessment assessment, Step step) {
		return findAll(assessment.applicationId()).stream()
			.filter((decision) -> decision.step() == step)
			.filter((decision) -> (decision.assessmentId() != null) ? decision.assessmentId().equals(assessment.id())
					: !decision.decidedAt().isBefore(assessment.assessedAt()))
			.reduce((earlier, later) -> later);
	}

	List<ReviewDecision> findAll(String applicationId) {
		return this.jdbc.sql("select * from review_decision where application_id = :id order by decided_at, id")
			.param("id", applicationId)
			.query(ReviewDecisionRepository::map)
			.list();
	}

	private static ReviewDecision map(ResultSet rs, int row) throws SQLException {
		String groups = rs.getString("decided_by_groups");
		return new ReviewDecision(rs.getString("id"), rs.getString("application_id"), rs.getString("assessment_id"),
				rs.getString("task_id"), Step.valueOf(rs.getString("step")), rs.getString("decided_by"),
				groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), rs.getString("decision"),
				rs.getString("decision_comment"), rs.getObject("approved_limit", Long.class),
				rs.getBigDecimal("approved_rate"), rs.getString("decline_reason"),
				rs.getString("information_requested"), rs.getObject("second_approval_required", Boolean.class),
				verification(rs), rs.getObject("decided_at", OffsetDateTime.class));
	}

	@Nullable
	private static ReviewDecision.Verification verification(ResultSet rs) throws SQLException {
		Long income = rs.getObject("verified_monthly_income", Long.class);
		return (income != null) ? new ReviewDecision.Verification(income,
				rs.getObject("verified_monthly_repayments", Long.class), rs.getString("verification_document")) : null;
	}

}
