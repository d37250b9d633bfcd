package org.creditflow.release;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.creditflow.scoring.RulesetRole;
import org.creditflow.scoring.RulesetsInService;

import org.springframework.stereotype.Component;

/**
 * {@code Task_ActivateRelease}, when the effective date has come: the release's version
 * goes into service in its role, in the database every node reads (each switches within
 * {@code creditflow.rules.sync-interval}), recorded in the audit chain as activation or
 * rollback, with who approved it.
 */
@Component
class ActivateReleaseDelegate implements JavaDelegate {

	private final ReleaseRepository releases;

	private final RulesetsInService inService;

	private final Clock clock;

	ActivateReleaseDelegate(ReleaseRepository releases, RulesetsInService inService, Clock clock) {
		this.releases = releases;
		this.inService = inService;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Release release = this.releases.find((String) execution.getVariable(ReleaseProcess.RELEASE_ID)).orElseThrow();
		int share = (release.role() == RulesetRole.CHAMPION) ? 100 : release.challengerShare();
		this.inService.activate(new RulesetsInService.Activation(release.version(), release.role(), share, release.id(),
				release.decidedBy(), release.rationale(), release.rollback()));
		this.releases.activated(release.id(), OffsetDateTime.now(this.clock));
	}

}
