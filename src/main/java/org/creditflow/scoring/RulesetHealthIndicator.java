package org.creditflow.scoring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /actuator/health} which ruleset version decides and where it came from.
 */
@Component("ruleset")
class RulesetHealthIndicator implements HealthIndicator {

	private final ActiveRuleset active;

	RulesetHealthIndicator(ActiveRuleset active) {
		this.active = active;
	}

	@Override
	public Health health() {
		Ruleset ruleset = this.active.get();
		return Health.up()
			.withDetail("version", ruleset.version())
			.withDetail("rules", ruleset.ruleCount())
			.withDetail("reasonCodes", ruleset.reasonCodes().size())
			.withDetail("origin", ruleset.origin())
			.withDetail("loadedAt", ruleset.loadedAt().toString())
			.build();
	}

}
