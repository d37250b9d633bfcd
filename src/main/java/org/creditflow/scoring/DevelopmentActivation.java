package org.creditflow.scoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The development setting {@code creditflow.rules.auto-activate}: a valid candidate goes
 * into service as champion as soon as it is saved, without a release, approval or impact
 * report. Off unless switched on; the audit chain records each such activation with the
 * actor {@value #ACTOR}, so it cannot pass for a release.
 */
@Component
@ConditionalOnProperty(name = "creditflow.rules.auto-activate", havingValue = "true")
class DevelopmentActivation {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentActivation.class);

	static final String ACTOR = "auto-activate";

	private final RulesetsInService database;

	private final StoredRulesets stored;

	private final ActiveRuleset active;

	private final RulesetSync sync;

	private final TransactionTemplate transaction;

	DevelopmentActivation(RulesetsInService database, StoredRulesets stored, ActiveRuleset active, RulesetSync sync,
			PlatformTransactionManager transactionManager) {
		this.database = database;
		this.stored = stored;
		this.active = active;
		this.sync = sync;
		this.transaction = new TransactionTemplate(transactionManager);
		log.warn("creditflow.rules.auto-activate is on: saved rule files go into service without a release");
	}

	void activate(Ruleset candidate) {
		if (candidate.version().equals(this.active.get().version())) {
			return;
		}
		this.stored.keep(candidate);
		this.transaction.executeWithoutResult((status) -> this.database
			.activate(new RulesetsInService.Activation(candidate.version(), RulesetRole.CHAMPION, 100, null, ACTOR,
					"saved in " + candidate.origin() + " with creditflow.rules.auto-activate on", false)));
		this.sync.refresh();
	}

}
