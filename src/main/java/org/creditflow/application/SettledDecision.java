package org.creditflow.application;

import java.math.BigDecimal;
import java.util.List;

import org.creditflow.application.ApplicationDecided.Decider;

import org.springframework.lang.Nullable;

/**
 * A final decision as the records support it (see {@link SettledDecisions}).
 *
 * @param decider {@link Decider#RULES} or {@link Decider#OFFICER}
 * @param creditLimit the approved amount in KRW; null for a decline
 * @param annualRate the approved rate in percent; null for a decline
 * @param reasonCodes the reasons, most important first
 * @param decidedBy {@link FinalDecision#RULES} or the officer's user id
 */
public record SettledDecision(Decider decider, @Nullable Integer score, @Nullable String grade,
		@Nullable Long creditLimit, @Nullable BigDecimal annualRate, List<String> reasonCodes,
		@Nullable String rulesetVersion, String decidedBy, @Nullable String secondApprover, @Nullable String comment) {

	public SettledDecision {
		reasonCodes = List.copyOf(reasonCodes);
	}

}
