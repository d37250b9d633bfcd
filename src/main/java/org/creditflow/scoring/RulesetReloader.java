package org.creditflow.scoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Puts the rule files as they are now into service, if they pass validation; otherwise
 * the ruleset in service keeps deciding and the refusal is kept for whoever asks. Used by
 * the risk team's reload request and by the rules folder watcher; one reload at a time.
 */
@Component
public class RulesetReloader {

	private static final Logger log = LoggerFactory.getLogger(RulesetReloader.class);

	/**
	 * The outcome of one reload.
	 *
	 * @param trigger what asked for it: the API and who, or a file change
	 * @param accepted whether {@code version} is now in service
	 * @param changed whether the files differed from the version in service
	 */
	public record Attempt(OffsetDateTime at, String trigger, String version, boolean accepted, boolean changed,
			List<RuleProblem> problems) {
	}

	private final RuleFiles files;

	private final RulesetValidator validator;

	private final ActiveRuleset active;

	private final Clock clock;

	private volatile Attempt last;

	RulesetReloader(RuleFiles files, RulesetValidator validator, ActiveRuleset active, Clock clock) {
		this.files = files;
		this.validator = validator;
		this.active = active;
		this.clock = clock;
	}

	/** Validates the files as they are now, without putting them into service. */
	public RulesetValidation validate() {
		return this.validator.validate(this.files.read(), this.files.readScenarios(), this.files.origin());
	}

	/**
	 * The files as they are now, compiled but neither held to the scenarios nor put into
	 * service: the candidate a backtest measures, which may still be work in progress.
	 * @throws InvalidRulesetException with every problem, file and line, when they do not
	 * compile
	 */
	public Ruleset compileCandidate() {
		return this.validator.compile(this.files.read(), this.files.origin());
	}

	public synchronized Attempt reload(String trigger) {
		RulesetValidation validation = validate();
		boolean changed = !validation.version().equals(this.active.get().version());
		if (!validation.valid()) {
			log.warn("Ruleset {} refused ({}); {} keeps deciding:\n{}", validation.version(), trigger,
					this.active.get().version(), new InvalidRulesetException(validation.problems()).getMessage());
		}
		else if (changed) {
			this.active.activate(validation.ruleset());
		}
		Attempt attempt = new Attempt(OffsetDateTime.now(this.clock), trigger, validation.version(), validation.valid(),
				changed, validation.problems());
		this.last = attempt;
		return attempt;
	}

	public Optional<Attempt> lastAttempt() {
		return Optional.ofNullable(this.last);
	}

}
