package org.creditflow.scoring;

import org.creditflow.application.Reason;
import org.creditflow.application.ReasonCatalog;

import org.springframework.stereotype.Component;

/**
 * Explains reason codes with the texts of the ruleset in service.
 */
@Component
class RulesetReasonCatalog implements ReasonCatalog {

	private final ActiveRuleset active;

	RulesetReasonCatalog(ActiveRuleset active) {
		this.active = active;
	}

	@Override
	public Reason describe(String code) {
		return this.active.get()
			.reasonCode(code)
			.map((reason) -> new Reason(code, reason.text(), reason.textKo()))
			.orElseGet(() -> new Reason(code, code, code));
	}

}
