package org.creditflow.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.creditflow.scoring.AssessmentReplay;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API: the decision chain's check, search, an application's timeline,
 * replay of its assessments, and exports. Auditors read; nothing here changes anything
 * (replay computes and records nothing). Every call is itself recorded
 * ({@link AuditReadLog}).
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyAuthority('auditors', 'camunda-admin')")
@Tag(name = "Audit")
@SecurityRequirement(name = "basic")
class AuditController {

	private final ChainVerification verification;

	private final AuditTrail trail;

	private final AuditSearch search;

	private final AssessmentReplay replay;

	private final RulesetHistory rulesets;

	AuditController(ChainVerification verification, AuditTrail trail, AuditSearch search, AssessmentReplay replay,
			RulesetHistory rulesets) {
		this.verification = verification;
		this.trail = trail;
		this.search = search;
		this.replay = replay;
		this.rulesets = rulesets;
	}

	@GetMapping("/rulesets")
	@Operation(summary = "The rulesets' history: every release submitted, approved or rejected, every activation and "
			+ "rollback, newest first", description = "From the sealed chain: who, when, why, which versions.")
	List<RulesetHistory.Event> rulesets() {
		return this.rulesets.all();
	}

	@GetMapping("/rulesets/{version}")
	@Operation(summary = "One ruleset version: its release history and the assessments it made, by role")
	RulesetHistory.Version ruleset(@PathVariable String version) {
		if (!version.matches("[0-9a-f]{64}")) {
			throw new InvalidRequestException("version",
					"must be a ruleset version (64 hexadecimal digits, lower case)");
		}
		return this.rulesets.of(version);
	}

	@GetMapping("/verify")
	@Operation(summary = "Check the sealed chain of decision records from the first record; name the first broken link",
			description = "anchor=seq:hash (repeatable): links kept outside the database, e.g. an earlier answer's "
					+ "lastRecord; each must still be in the chain, which catches a chain rewritten from scratch. "
					+ "The anchors of the service's anchor file are checked too, and every final and officer's "
					+ "decision against its record (mismatches).")
	ChainCheck verify(@RequestParam(name = "anchor", required = false) @Nullable List<String> anchors) {
		List<ChainCheck.Anchor> parsed = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (String anchor : (anchors != null) ? anchors : List.<String>of()) {
			try {
				parsed.add(ChainCheck.Anchor.parse(anchor.strip()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("anchor", ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return this.verification.verify(parsed);
	}

	@GetMapping("/applications")
	@Operation(summary = "Find applications by status, outcome, submission days, officer, ruleset version")
	List<AuditSearch.Found> find(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String officer,
			@RequestParam(required = false) @Nullable String rulesetVersion) {
		return this.search.find(new AuditSearch.Criteria(blank(status), blank(outcome), from, to, blank(officer),
				blank(rulesetVersion)));
	}

	@GetMapping("/applications/{id}")
	@Operation(summary = "An application's timeline: process steps, data fetches with consent, decision records")
	AuditTrail.Trail trail(@PathVariable String id) {
		return this.trail.of(id);
	}

	@PostMapping("/applications/{id}/replay")
	@Operation(summary = "Re-run every recorded assessment with its stored facts and exact ruleset version")
	Map<String, Object> replay(@PathVariable String id) {
		this.trail.of(id); // 404 for an unknown application
		List<AssessmentReplay.Result> results = this.replay.replay(id);
		return Map.of("applicationId", id, "identical", results.stream().allMatch(AssessmentReplay.Result::identical),
				"assessments", results);
	}

	@GetMapping(path = "/applications/{id}/export", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "An application's full trail as JSON (format=json) or CSV (format=csv), identifiers masked")
	ResponseEntity<?> export(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
		AuditTrail.Trail trail = this.trail.of(id);
		if ("csv".equalsIgnoreCase(format)) {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("application_id", "applicant", "at", "type", "title", "actor", "ruleset_version",
					"details"));
			for (AuditTrail.Entry entry : trail.timeline()) {
				rows.add(List.of(id, trail.applicant(), entry.at().toString(), entry.type(), entry.title(),
						String.valueOf(entry.actor()), String.valueOf(entry.rulesetVersion()),
						entry.details().toString()));
			}
			return csv("application-" + id + ".csv", rows);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=application-" + id + ".json")
			.contentType(MediaType.APPLICATION_JSON)
			.body(trail);
	}

	@GetMapping(path = "/decisions.csv", produces = "text/csv")
	@Operation(summary = "The decisions of a period (days inclusive, UTC) as CSV, without personal identifiers")
	ResponseEntity<String> decisions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return csv("decisions-" + from + "-" + to + ".csv", this.search.decisions(from, to));
	}

	private static ResponseEntity<String> csv(String filename, List<List<String>> rows) {
		StringBuilder csv = new StringBuilder();
		for (List<String> row : rows) {
			csv.append(String.join(",", row.stream().map(AuditController::quote).toList())).append("\r\n");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + filename)
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(csv.toString());
	}

	/** RFC 4180, and no cell that a spreadsheet would run as a formula. */
	private static String quote(String value) {
		String cell = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + cell.replace("\"", "\"\"") + "\"";
	}

	@Nullable
	private static String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
