package org.creditflow.scoring;

import org.creditflow.application.Reason;
import org.creditflow.application.ReasonCatalog;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Explains reason codes with the texts of the ruleset version that gave them.
 */
@Component
class RulesetReasonCatalog implements ReasonCatalog {

	private final ActiveRuleset active;

	RulesetReasonCatalog(ActiveRuleset active) {
		this.active = active;
	}

	@Override
	public Reason describe(@Nullable String rulesetVersion, String code) {
		return this.active.version(rulesetVersion)
			.reasonCode(code)
			.map((reason) -> new Reason(code, reason.text(), reason.textKo()))
			.orElseGet(() -> new Reason(code, code, code));
	}

}
