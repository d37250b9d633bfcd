package org.creditflow.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * How an application ended: the outcome, the offer when approved, the reasons, and who
 * decided (the ruleset itself, or an officer) with their comment.
 *
 * @param creditLimit approved amount in KRW, or {@code null} unless approved
 * @param annualRate annual interest rate in percent ({@code 7.9}), or {@code null} unless
 * approved
 * @param decidedBy {@code rules} for an automated decision, else the officer's user id
 */
public record FinalDecision(String applicationId, ApplicationStatus outcome, @Nullable Integer score,
		@Nullable String grade, @Nullable Long creditLimit, @Nullable BigDecimal annualRate, List<Reason> reasons,
		@Nullable String rulesetVersion, String decidedBy, @Nullable String secondApprover, @Nullable String comment,
		OffsetDateTime decidedAt) {

	/** The {@code decidedBy} of decisions taken by the ruleset without a person. */
	public static final String RULES = "rules";

}
