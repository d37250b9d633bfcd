package org.creditflow.scoring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows in {@code /actuator/health} which ruleset version decides on this node and where
 * it came from, and any challenger with its share.
 */
@Component("ruleset")
class RulesetHealthIndicator implements HealthIndicator {

	private final ActiveRuleset active;

	RulesetHealthIndicator(ActiveRuleset active) {
		this.active = active;
	}

	@Override
	public Health health() {
		InService inService = this.active.inService();
		Ruleset ruleset = inService.champion();
		Health.Builder health = Health.up()
			.withDetail("version", ruleset.version())
			.withDetail("rules", ruleset.ruleCount())
			.withDetail("reasonCodes", ruleset.reasonCodes().size())
			.withDetail("origin", ruleset.origin())
			.withDetail("loadedAt", ruleset.loadedAt().toString());
		if (inService.challenger() != null) {
			health.withDetail("challenger", inService.challenger().version())
				.withDetail("challengerShare", inService.challengerShare());
		}
		return health.build();
	}

}
