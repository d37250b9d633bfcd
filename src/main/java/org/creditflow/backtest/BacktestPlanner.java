package org.creditflow.backtest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.creditflow.backtest.BacktestPlan.Chosen;
import org.creditflow.backtest.BacktestRequest.RecordedPeriod;
import org.creditflow.backtest.InvalidBacktestException.Problem;
import org.creditflow.scoring.ActiveRuleset;
import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.RecordedCases;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCandidate;
import org.creditflow.scoring.StoredRulesets;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a backtest request whole before anything is stored, and names every problem:
 * each ruleset is found and compiled, the period makes sense and holds assessments, an
 * uploaded file is read to its end and every bad row reported with its column.
 */
@Component
class BacktestPlanner {

	static final String ACTIVE = "active";

	static final String CANDIDATE = "candidate";

	private final ActiveRuleset active;

	private final RulesetCandidate rulesFolder;

	private final StoredRulesets stored;

	private final RecordedCases recorded;

	private final Clock clock;

	BacktestPlanner(ActiveRuleset active, RulesetCandidate rulesFolder, StoredRulesets stored, RecordedCases recorded,
			Clock clock) {
		this.active = active;
		this.rulesFolder = rulesFolder;
		this.stored = stored;
		this.recorded = recorded;
		this.clock = clock;
	}

	/** A backtest on the recorded assessments. */
	BacktestPlan recorded(BacktestRequest request) {
		List<Problem> problems = new ArrayList<>();
		Chosen candidate = choose("ruleset", request.ruleset(), problems);
		Chosen baseline = (request.baseline() != null) ? choose("baseline", request.baseline(), problems) : null;
		RecordedPeriod period = request.population().recorded();
		int before = problems.size();
		if (period.from() != null && period.to() != null && period.to().isBefore(period.from())) {
			problems.add(new Problem("population.recorded.to", "is before from (" + period.from() + ")"));
		}
		if (period.rulesetVersion() != null && !BacktestCommand.VERSION.matcher(period.rulesetVersion()).matches()) {
			problems.add(new Problem("population.recorded.rulesetVersion",
					"must be a ruleset version (64 hexadecimal digits, lower case)"));
		}
		RecordedPopulation population = new RecordedPopulation(this.recorded, startOf(period.from()),
				startOf((period.to() != null) ? period.to().plusDays(1) : null), period.rulesetVersion());
		String name = describe(period);
		long rows = (problems.size() == before) ? population.count() : 0;
		if (problems.size() == before && rows == 0) {
			problems.add(new Problem("population.recorded", "there are no " + name));
		}
		if (!problems.isEmpty()) {
			throw new InvalidBacktestException(problems, null, 0);
		}
		return new BacktestPlan(candidate, baseline, population, name, rows, null);
	}

	/**
	 * A backtest on an uploaded lending-history file.
	 * @throws IOException when the file cannot be read back
	 */
	BacktestPlan upload(@Nullable String ruleset, @Nullable String baseline, Path file) throws IOException {
		List<Problem> problems = new ArrayList<>();
		Chosen candidate = null;
		if (ruleset == null || ruleset.isBlank()) {
			problems.add(new Problem("ruleset", "is required: active, candidate or a ruleset version"));
		}
		else {
			candidate = choose("ruleset", ruleset, problems);
		}
		Chosen base = (baseline != null && !baseline.isBlank()) ? choose("baseline", baseline, problems) : null;
		HistoryFile history = new HistoryFile(file);
		HistoryFile.Check check;
		try {
			check = history.check();
		}
		catch (CharacterCodingException ex) {
			problems.add(new Problem("(body)", "is not UTF-8 text"));
			throw new InvalidBacktestException(problems, null, 0);
		}
		check.problems().forEach((problem) -> problems.add(Problem.of(problem)));
		if (!problems.isEmpty()) {
			throw new InvalidBacktestException(problems, check.rows(), check.rowsWithProblems());
		}
		return new BacktestPlan(candidate, base, history, String.format("uploaded file, %,d rows", check.rows()),
				check.rows(), file);
	}

	@Nullable
	private Chosen choose(String field, String name, List<Problem> problems) {
		try {
			Optional<Ruleset> ruleset = switch (name) {
				case ACTIVE -> Optional.of(this.active.get());
				case CANDIDATE -> Optional.of(this.rulesFolder.compile());
				default -> {
					if (!BacktestCommand.VERSION.matcher(name).matches()) {
						problems.add(new Problem(field, "'" + name + "' is neither " + ACTIVE + ", " + CANDIDATE
								+ " nor a ruleset version (64 hexadecimal digits, lower case)"));
						yield Optional.empty();
					}
					Optional<Ruleset> version = this.stored.find(name);
					if (version.isEmpty()) {
						problems.add(new Problem(field, "ruleset version " + name + " is unknown: no assessment was"
								+ " ever made with it, so its files are not stored"));
					}
					yield version;
				}
			};
			return ruleset.map((found) -> new Chosen(found, name)).orElse(null);
		}
		catch (InvalidRulesetException ex) {
			ex.problems()
				.forEach((problem) -> problems
					.add(new Problem(field, "the " + name + " ruleset does not compile: " + problem)));
			return null;
		}
		catch (IllegalStateException ex) {
			problems.add(new Problem(field, ex.getMessage()));
			return null;
		}
	}

	@Nullable
	private OffsetDateTime startOf(@Nullable LocalDate day) {
		return (day != null) ? day.atStartOfDay(this.clock.getZone()).toOffsetDateTime() : null;
	}

	private static String describe(RecordedPeriod period) {
		StringBuilder name = new StringBuilder("recorded assessments");
		if (period.from() != null) {
			name.append(" from ").append(period.from());
		}
		if (period.to() != null) {
			name.append((period.from() != null) ? " to " : " up to ").append(period.to());
		}
		if (period.rulesetVersion() != null) {
			name.append(" made by ruleset ").append(period.rulesetVersion());
		}
		return name.toString();
	}

}
