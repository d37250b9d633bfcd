package org.creditflow.scoring;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rulesets in service on this node: the champion and any challenger, as the database
 * holds them ({@link RulesetsInService}). On a new database the rules folder (or the copy
 * in the jar) is validated and becomes the first champion ({@link RulesetSync}); the
 * service does not start with rules that fail validation, so no application is assessed
 * by half a policy. Later versions replace the set in one atomic step when a release is
 * activated; an assessment under way finishes with the ruleset it started with.
 */
@Component
public class ActiveRuleset {

	private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);

	private final AtomicReference<InService> current = new AtomicReference<>();

	private final StoredRulesets stored;

	ActiveRuleset(RulesetsInService database, StoredRulesets stored, RulesetCandidate candidate) {
		this.stored = stored;
		InService fromDatabase = RulesetSync.read(database, stored);
		if (fromDatabase != null) {
			use(fromDatabase);
		}
		else {
			RulesetValidation validation = candidate.validation();
			if (!validation.valid()) {
				throw new InvalidRulesetException(validation.problems());
			}
			use(InService.championOnly(validation.ruleset()));
		}
	}

	/** The champion: what decides every application no challenger decides. */
	public Ruleset get() {
		return this.current.get().champion();
	}

	/** The champion and any challenger with its share. */
	public InService inService() {
		return this.current.get();
	}

	/**
	 * The ruleset of that version, to explain what it decided in its own words: the
	 * champion or challenger in service, else the stored version; the champion when the
	 * version is unknown.
	 */
	public Ruleset version(@Nullable String version) {
		InService now = inService();
		if (version == null || now.champion().version().equals(version)) {
			return now.champion();
		}
		if (now.challenger() != null && now.challenger().version().equals(version)) {
			return now.challenger();
		}
		return this.stored.find(version).orElse(now.champion());
	}

	void use(InService inService) {
		this.current.set(inService);
		if (inService.challenger() != null) {
			log.info("Ruleset {} in service as champion ({} rules), {} as challenger for {} % of new applications",
					inService.champion().version(), inService.champion().ruleCount(), inService.challenger().version(),
					inService.challengerShare());
		}
		else {
			log.info("Ruleset {} in service: {} rules from {}", inService.champion().version(),
					inService.champion().ruleCount(), inService.champion().origin());
		}
	}

}
