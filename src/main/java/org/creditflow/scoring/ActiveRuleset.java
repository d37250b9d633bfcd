package org.creditflow.scoring;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The ruleset in service. It is compiled at start-up, and the service does not start with
 * a ruleset that does not compile: no application may be assessed by half a policy.
 */
@Component
public class ActiveRuleset {

	private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);

	private final AtomicReference<Ruleset> current = new AtomicReference<>();

	ActiveRuleset(RuleFiles files, RulesetCompiler compiler) {
		Ruleset ruleset = compiler.compile(files.read(), files.origin());
		this.current.set(ruleset);
		log.info("Ruleset {} in service: {} rules from {}", ruleset.version(), ruleset.ruleCount(), ruleset.origin());
	}

	public Ruleset get() {
		return this.current.get();
	}

}
