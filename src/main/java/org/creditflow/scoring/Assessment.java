package org.creditflow.scoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * The result of running the ruleset on one application's facts.
 *
 * @param round 1 for the first assessment, one more for each re-assessment with new
 * information
 * @param rulesetRole whether the ruleset decided as the champion or as a challenger
 * (assessments recorded before challengers existed were all the champion's)
 * @param band APPROVE, REFER or DECLINE
 * @param pd the probability of default (%, within 12 months) the score stands for; null
 * for rulesets of hand-set scorecards, whose scores are no probabilities
 * @param segment THIN_FILE, FULL_FILE or FINANCIAL_ONLY; null when financial data is
 * missing
 * @param reasonCodes the adverse reasons, most important first
 */
public record Assessment(String id, String applicationId, int round, String rulesetVersion, RulesetRole rulesetRole,
		String band, @Nullable Integer score, @Nullable Double pd, @Nullable String grade, @Nullable String segment,
		@Nullable Long offerLimit, @Nullable BigDecimal offerRate, List<String> reasonCodes, List<String> firedRules,
		OffsetDateTime assessedAt) {

	public Assessment {
		rulesetRole = (rulesetRole != null) ? rulesetRole : RulesetRole.CHAMPION;
	}

}
