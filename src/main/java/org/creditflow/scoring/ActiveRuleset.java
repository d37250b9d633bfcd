package org.creditflow.scoring;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The ruleset in service. The first is validated at start-up, and the service does not
 * start with rules that fail validation: no application may be assessed by half a policy.
 * Later versions replace it in one atomic step; an assessment under way finishes with the
 * ruleset it started with.
 */
@Component
public class ActiveRuleset {

	private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);

	private final AtomicReference<Ruleset> current = new AtomicReference<>();

	ActiveRuleset(RuleFiles files, RulesetValidator validator) {
		RulesetValidation validation = validator.validate(files.read(), files.readScenarios(), files.origin());
		if (!validation.valid()) {
			throw new InvalidRulesetException(validation.problems());
		}
		activate(validation.ruleset());
	}

	public Ruleset get() {
		return this.current.get();
	}

	void activate(Ruleset ruleset) {
		this.current.set(ruleset);
		log.info("Ruleset {} in service: {} rules from {}", ruleset.version(), ruleset.ruleCount(), ruleset.origin());
	}

}
