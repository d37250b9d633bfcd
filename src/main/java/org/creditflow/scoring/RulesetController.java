package org.creditflow.scoring;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.scoring.facts.Policy;

import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk team's view of the rulesets: which versions decide (champion and challenger),
 * the candidate in the rules folder with its problems and scenario results, and how the
 * challenger compares. Changing what decides is a release
 * ({@code /api/rulesets/releases}).
 */
@RestController
@RequestMapping(path = "/api/rulesets", produces = "application/json")
@Tag(name = "Rulesets")
@SecurityRequirement(name = "basic")
class RulesetController {

	private static final String RISK_TEAM_AND_AUDITORS = "hasAnyAuthority('risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')";

	private final ActiveRuleset active;

	private final RulesetsInService database;

	private final RulesetCandidate candidate;

	private final ChallengeComparison challenge;

	RulesetController(ActiveRuleset active, RulesetsInService database, RulesetCandidate candidate,
			ChallengeComparison challenge) {
		this.active = active;
		this.database = database;
		this.candidate = candidate;
		this.challenge = challenge;
	}

	/**
	 * One ruleset in service.
	 *
	 * @param share the share of new applications it decides, in percent
	 * @param releaseId the release that put it into service (none for a database's first)
	 */
	record InServiceView(String version, String role, int share, @Nullable String releaseId, String activatedBy,
			OffsetDateTime activatedAt, int rules, int reasonCodes, List<String> files, Policy policy) {
	}

	/**
	 * @param servedHere what this node decides with at this moment: it follows the
	 * database within {@code creditflow.rules.sync-interval}
	 */
	record ActiveView(String version, InServiceView champion, @Nullable InServiceView challenger,
			ServedHere servedHere) {
	}

	record ServedHere(String champion, @Nullable String challenger, int challengerShare) {
	}

	record CandidateView(String version, String origin, OffsetDateTime validatedAt, boolean valid, boolean inService,
			int scenarios, int failedScenarios, List<RuleProblem> problems,
			List<RulesetValidation.ScenarioResult> scenarioResults) {
	}

	@GetMapping("/active")
	@PreAuthorize(RISK_TEAM_AND_AUDITORS)
	@Operation(summary = "The rulesets in service: the champion and any challenger with its share",
			description = "What every node decides with: the database's record, which each node reads every few seconds.")
	ActiveView active() {
		InService inService = this.active.inService();
		RulesetsInService.Row champion = this.database.champion()
			.orElseThrow(() -> new IllegalStateException("No ruleset is in service"));
		InServiceView challenger = this.database.challenger()
			.map((row) -> view(row,
					(inService.challenger() != null && inService.challenger().version().equals(row.version()))
							? inService.challenger() : null))
			.orElse(null);
		InServiceView championView = view(champion,
				inService.champion().version().equals(champion.version()) ? inService.champion() : null);
		return new ActiveView(championView.version(), championView, challenger,
				new ServedHere(inService.champion().version(),
						(inService.challenger() != null) ? inService.challenger().version() : null,
						inService.challengerShare()));
	}

	private InServiceView view(RulesetsInService.Row row, @Nullable Ruleset ruleset) {
		Ruleset compiled = (ruleset != null) ? ruleset : this.active.get();
		int share = (row.role() == RulesetRole.CHAMPION)
				? 100 - this.database.challenger().map(RulesetsInService.Row::share).orElse(0) : row.share();
		return new InServiceView(row.version(), row.role().name(), share, row.releaseId(), row.activatedBy(),
				row.activatedAt(), compiled.ruleCount(), compiled.reasonCodes().size(),
				compiled.files().stream().map(RuleFile::path).toList(), compiled.policy());
	}

	@GetMapping("/candidate")
	@PreAuthorize(RISK_TEAM_AND_AUDITORS)
	@Operation(summary = "The rules folder as it is now: the candidate for the next release",
			description = "Validated whenever its files change: rule code that reaches beyond the facts is refused before "
					+ "compiling, then the rules are compiled, every grade priced, every scenario in rules/tests/ run and "
					+ "each rule checked to be exercised. Problems name file and line. Saving a file never puts it "
					+ "into service; a release does.")
	CandidateView candidate() {
		RulesetValidation validation = this.candidate.validation();
		InService inService = this.active.inService();
		boolean inServiceNow = validation.version().equals(inService.champion().version())
				|| (inService.challenger() != null && validation.version().equals(inService.challenger().version()));
		return new CandidateView(validation.version(), this.candidate.origin(), this.candidate.validatedAt(),
				validation.valid(), inServiceNow, validation.scenarios(), validation.failedScenarios(),
				validation.problems(), validation.results());
	}

	@PostMapping("/validate")
	@PreAuthorize("hasAnyAuthority('risk-analysts', 'camunda-admin')")
	@Operation(summary = "Validate the rule files as they are now (the candidate), without putting them into service",
			description = "The same as GET /api/rulesets/candidate, kept for scripts written before it.")
	CandidateView validate() {
		return candidate();
	}

	@GetMapping("/challenge")
	@PreAuthorize(RISK_TEAM_AND_AUDITORS)
	@Operation(summary = "Champion against challenger on the applications each decided",
			description = "Counts, approval, refer and decline rates, score percentiles and distribution, offered rates "
					+ "(mean and per grade) and mean PD of each side, over first assessments since the challenger went "
					+ "into service. Bad rates stay null until loan outcomes are recorded.")
	ChallengeComparison.Comparison challenge() {
		return this.challenge.compare();
	}

}
