package org.creditflow.scoring;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.scoring.RulesetReloader.Attempt;
import org.creditflow.scoring.facts.Policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk team's door to the ruleset: which version decides, validating the rule files
 * as they are now, and putting them into service without a restart.
 */
@RestController
@RequestMapping(path = "/api/rulesets", produces = "application/json")
@Tag(name = "Rulesets")
@SecurityRequirement(name = "basic")
class RulesetController {

	private final ActiveRuleset active;

	private final RulesetReloader reloader;

	RulesetController(ActiveRuleset active, RulesetReloader reloader) {
		this.active = active;
		this.reloader = reloader;
	}

	record ActiveView(String version, String origin, OffsetDateTime loadedAt, int rules, int reasonCodes,
			List<String> files, Policy policy, @Nullable Attempt lastReload) {
	}

	record ValidationView(String version, boolean valid, int scenarios, int failedScenarios,
			List<RuleProblem> problems) {
	}

	@GetMapping("/active")
	@PreAuthorize("hasAnyAuthority('risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')")
	@Operation(summary = "The ruleset version in service, where it was read from, and the last reload")
	ActiveView active() {
		Ruleset ruleset = this.active.get();
		return new ActiveView(ruleset.version(), ruleset.origin(), ruleset.loadedAt(), ruleset.ruleCount(),
				ruleset.reasonCodes().size(), ruleset.files().stream().map(RuleFile::path).toList(), ruleset.policy(),
				this.reloader.lastAttempt().orElse(null));
	}

	@PostMapping("/validate")
	@PreAuthorize("hasAnyAuthority('risk-analysts', 'camunda-admin')")
	@Operation(summary = "Validate the rule files as they are now, without putting them into service",
			description = "Refuses rule code that reaches beyond the facts before compiling anything, then compiles "
					+ "the rules, prices every grade, runs every scenario in rules/tests/ and checks that each rule "
					+ "is exercised. Problems name file and line.")
	ValidationView validate() {
		RulesetValidation validation = this.reloader.validate();
		return new ValidationView(validation.version(), validation.valid(), validation.scenarios(),
				validation.failedScenarios(), validation.problems());
	}

	@PostMapping("/reload")
	@PreAuthorize("hasAnyAuthority('risk-analysts', 'camunda-admin')")
	@Operation(summary = "Put the rule files as they are now into service, if they pass validation")
	@ApiResponse(responseCode = "200", description = "in service (or already was)")
	@ApiResponse(responseCode = "422", description = "refused: the version in service keeps deciding")
	ResponseEntity<?> reload(Authentication caller) {
		Attempt attempt = this.reloader.reload("reload requested by " + caller.getName());
		if (attempt.accepted()) {
			return ResponseEntity.ok(attempt);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"Ruleset " + attempt.version() + " was refused; " + this.active.get().version() + " keeps deciding.");
		problem.setType(URI.create("https://creditflow.org/problems/ruleset-refused"));
		problem.setTitle("Ruleset refused");
		problem.setProperty("problems", attempt.problems());
		return ResponseEntity.unprocessableEntity().body(problem);
	}

}
