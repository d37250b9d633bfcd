package org.creditflow.scoring;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node deciding with the rulesets the database says are in service: reads
 * {@code ruleset_in_service} every {@code creditflow.rules.sync-interval} (5 s) and
 * switches when an activation changed it, compiling a new version from its stored files.
 * On a new database it makes the ruleset this node validated at start the first champion.
 */
@Component
class RulesetSync {

	private static final Logger log = LoggerFactory.getLogger(RulesetSync.class);

	static final String SYSTEM = "system";

	private final RulesetsInService database;

	private final StoredRulesets stored;

	private final ActiveRuleset active;

	private final TransactionTemplate transaction;

	RulesetSync(RulesetsInService database, StoredRulesets stored, ActiveRuleset active,
			PlatformTransactionManager transactionManager) {
		this.database = database;
		this.stored = stored;
		this.active = active;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * The rulesets in service as the database holds them, compiled from their stored
	 * files; null on a database where none is in service yet.
	 */
	@Nullable
	static InService read(RulesetsInService database, StoredRulesets stored) {
		return read(database, stored, null);
	}

	@Nullable
	private static InService read(RulesetsInService database, StoredRulesets stored, @Nullable InService current) {
		Optional<RulesetsInService.Row> champion = database.champion();
		if (champion.isEmpty()) {
			return null;
		}
		Optional<RulesetsInService.Row> challenger = database.challenger();
		return new InService(compiled(champion.get().version(), stored, current),
				challenger.map((row) -> compiled(row.version(), stored, current)).orElse(null),
				challenger.map(RulesetsInService.Row::share).orElse(0));
	}

	/**
	 * The version compiled: the one this node holds already, or from its stored files.
	 */
	private static Ruleset compiled(String version, StoredRulesets stored, @Nullable InService current) {
		if (current != null && current.champion().version().equals(version)) {
			return current.champion();
		}
		if (current != null && current.challenger() != null && current.challenger().version().equals(version)) {
			return current.challenger();
		}
		return stored.find(version)
			.orElseThrow(() -> new IllegalStateException("Ruleset " + version + " is in service but not stored"));
	}

	@EventListener(ApplicationReadyEvent.class)
	void startServing() {
		if (this.database.champion().isEmpty()) {
			Ruleset first = this.active.get();
			this.stored.keep(first);
			try {
				this.transaction.executeWithoutResult((status) -> this.database
					.activate(new RulesetsInService.Activation(first.version(), RulesetRole.CHAMPION, 100, null, SYSTEM,
							"the first ruleset of this database, validated from " + first.origin(), false)));
			}
			catch (DataIntegrityViolationException ex) {
				log.debug("Another node put the first ruleset into service", ex);
			}
		}
		refresh();
	}

	/**
	 * Reads and switches in one step: a scheduled read still compiling a version it saw
	 * must not overwrite what a later read switched to (one right after an activation on
	 * this node, say), so the reads take turns.
	 */
	@Scheduled(fixedDelayString = "${creditflow.rules.sync-interval:PT5S}",
			initialDelayString = "${creditflow.rules.sync-interval:PT5S}")
	synchronized void refresh() {
		InService current = this.active.inService();
		try {
			InService fresh = read(this.database, this.stored, current);
			if (fresh != null && !fresh.sameAs(current)) {
				this.active.use(fresh);
			}
		}
		catch (RuntimeException ex) {
			log.error("The rulesets in service could not be read; {} keeps deciding", current.champion().version(), ex);
		}
	}

}
