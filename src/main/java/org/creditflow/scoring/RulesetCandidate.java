package org.creditflow.scoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The rules folder as it is now: the candidate a risk analyst is working on. It is
 * validated (compiled, every scenario run) and shown, and submitted for release from
 * here; it never decides an application by being saved. Validated again only when its
 * files changed.
 */
@Service
public class RulesetCandidate {

	/** A validation and what it was made of. */
	private record Checked(String key, RulesetValidation validation, OffsetDateTime at) {
	}

	private final RuleFiles files;

	private final RulesetValidator validator;

	private final Clock clock;

	private volatile Checked last;

	RulesetCandidate(RuleFiles files, RulesetValidator validator, Clock clock) {
		this.files = files;
		this.validator = validator;
		this.clock = clock;
	}

	/** The candidate's rule files (no scenarios, no documentation). */
	public List<RuleFile> files() {
		return this.files.read();
	}

	/** The candidate's scenarios ({@code tests/}). */
	public List<RuleFile> scenarios() {
		return this.files.readScenarios();
	}

	/** Where the candidate is read from: the rules folder, or the copy in the jar. */
	public String origin() {
		return this.files.origin();
	}

	/** The candidate as it is now, validated (again only if a file changed). */
	public synchronized RulesetValidation validation() {
		List<RuleFile> ruleFiles = files();
		List<RuleFile> scenarioFiles = scenarios();
		List<RuleFile> all = new ArrayList<>(ruleFiles);
		all.addAll(scenarioFiles);
		String key = RulesetCompiler.version(all);
		Checked checked = this.last;
		if (checked == null || !checked.key().equals(key)) {
			checked = new Checked(key, this.validator.validate(ruleFiles, scenarioFiles, origin()),
					OffsetDateTime.now(this.clock));
			this.last = checked;
		}
		return checked.validation();
	}

	/** When the candidate as it is now was validated. */
	public OffsetDateTime validatedAt() {
		validation();
		return this.last.at();
	}

	/**
	 * The files as they are now, compiled but not held to the scenarios: what a backtest
	 * of work in progress measures.
	 * @throws InvalidRulesetException with every problem, file and line, when they do not
	 * compile
	 */
	public Ruleset compile() {
		return this.validator.compile(files(), origin());
	}

}
