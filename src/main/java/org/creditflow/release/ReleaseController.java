package org.creditflow.release;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.creditflow.backtest.ReleaseImpact;
import org.creditflow.backtest.ReportPage;
import org.creditflow.scoring.RulesetRole;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;
import org.creditflow.web.NotFoundException;
import org.creditflow.web.StrictJsonReader;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Ruleset releases for the risk team: submit (the rules folder, an uploaded zip, or a
 * stored version), follow, read the impact, approve or reject. Approval is the same step
 * as in Tasklist, with the same four-eyes check.
 */
@RestController
@RequestMapping(path = "/api/rulesets/releases", produces = "application/json")
@Tag(name = "Ruleset releases")
@SecurityRequirement(name = "basic")
class ReleaseController {

	static final String RISK_TEAM = "hasAnyAuthority('risk-analysts', 'risk-managers')";

	static final String READERS = "hasAnyAuthority('risk-analysts', 'risk-managers', 'auditors', 'camunda-admin')";

	private final ReleaseSubmissions submissions;

	private final ReleaseDecisions decisions;

	private final ReleaseRepository releases;

	private final HistoryService history;

	private final StrictJsonReader reader;

	private final ObjectMapper json;

	ReleaseController(ReleaseSubmissions submissions, ReleaseDecisions decisions, ReleaseRepository releases,
			HistoryService history, StrictJsonReader reader, ObjectMapper json) {
		this.submissions = submissions;
		this.decisions = decisions;
		this.releases = releases;
		this.history = history;
		this.reader = reader;
		this.json = json;
	}

	/** The body of approve and reject. */
	record DecisionRequest(@NotBlank @Size(max = 2000) String comment) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "Submit a release: the rules folder as it is now, or a stored version (rollback, promotion)",
			description = "Starts the ruleset-release process: validation, impact against the champion, approval by "
					+ "another risk manager in Tasklist, activation at effectiveAt on every node.")
	@ApiResponse(responseCode = "201", description = "submitted; follow it at the Location")
	@ApiResponse(responseCode = "400", description = "every problem of the request, by field")
	ResponseEntity<ReleaseView> submit(@RequestBody JsonNode body, Authentication caller) {
		Release release = this.submissions.submit(this.reader.read(body, ReleaseRequest.class), null, caller.getName());
		return created(release);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(RISK_TEAM)
	@Operation(summary = "Submit a release from an uploaded zip of a rules folder",
			description = "Form fields: file (the zip: rule files and tests/ at its top, or under one folder), rationale, "
					+ "and optionally effectiveAt, role, challengerShare.")
	ResponseEntity<ReleaseView> upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "rationale", required = false) @Nullable String rationale,
			@RequestParam(name = "effectiveAt", required = false) @Nullable String effectiveAt,
			@RequestParam(name = "role", required = false) @Nullable String role,
			@RequestParam(name = "challengerShare", required = false) @Nullable String challengerShare,
			Authentication caller) throws IOException {
		List<FieldProblem> problems = new ArrayList<>();
		if (file == null || file.isEmpty()) {
			problems.add(new FieldProblem("file", "is required: a zip of the rules folder"));
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("source", "folder");
		fields.put("rationale", rationale);
		putIfPresent(fields, "effectiveAt", effectiveAt);
		putIfPresent(fields, "role", role);
		if (challengerShare != null && !challengerShare.isBlank()) {
			try {
				fields.put("challengerShare", Integer.valueOf(challengerShare.strip()));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("challengerShare", "must be a whole number of percent"));
			}
		}
		ReleaseRequest request;
		try {
			request = this.reader.read(this.json.valueToTree(fields), ReleaseRequest.class);
		}
		catch (InvalidRequestException ex) {
			problems.addAll(ex.problems());
			throw new InvalidRequestException(problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		RulesetZip.Contents contents = RulesetZip.read(file.getInputStream());
		return created(this.submissions.submit(request, contents, caller.getName()));
	}

	private static void putIfPresent(Map<String, Object> fields, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			fields.put(name, value.strip());
		}
	}

	private ResponseEntity<ReleaseView> created(Release release) {
		return ResponseEntity.created(URI.create("/api/rulesets/releases/" + release.id())).body(view(release));
	}

	@GetMapping
	@PreAuthorize(READERS)
	@Operation(summary = "Releases, newest first; with version=, only that version's")
	List<ReleaseView> list(@RequestParam(name = "version", required = false) @Nullable String version) {
		return this.releases.findAll(version, 200).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "A release: status, validation, impact summary and decision trail")
	ReleaseView get(@PathVariable String id) {
		return view(find(id));
	}

	@GetMapping(path = "/{id}/impact/{population}", produces = "text/html;charset=UTF-8")
	@PreAuthorize(READERS)
	@Operation(summary = "A release's full impact report on one population (recorded or synthetic)")
	ResponseEntity<String> impact(@PathVariable String id, @PathVariable String population) {
		find(id);
		String html = this.releases.report(id, population)
			.orElseThrow(() -> new NotFoundException("Release " + id + " has no impact report on " + population));
		return ResponseEntity.ok().header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY).body(html);
	}

	@PostMapping(path = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('risk-managers')")
	@Operation(summary = "Approve a release (a risk manager who did not submit it)",
			description = "Completes its approval task, as Tasklist would; it goes into service at its effective date.")
	@ApiResponse(responseCode = "403", description = "not a risk manager, or the submitter (four eyes)")
	@ApiResponse(responseCode = "409", description = "the release is not awaiting approval")
	ReleaseView approve(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
		return decide(id, ReleaseProcess.APPROVE, body, caller);
	}

	@PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAuthority('risk-managers')")
	@Operation(summary = "Reject a release with a reason (a risk manager who did not submit it); this ends it")
	@ApiResponse(responseCode = "403", description = "not a risk manager, or the submitter (four eyes)")
	@ApiResponse(responseCode = "409", description = "the release is not awaiting approval")
	ReleaseView reject(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
		return decide(id, ReleaseProcess.REJECT, body, caller);
	}

	private ReleaseView decide(String id, String decision, JsonNode body, Authentication caller) {
		DecisionRequest request = this.reader.read(body, DecisionRequest.class);
		List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return view(this.decisions.decide(id, decision, request.comment().strip(), caller.getName(), groups));
	}

	private Release find(String id) {
		return this.releases.find(id).orElseThrow(() -> new NotFoundException("No release " + id));
	}

	private ReleaseView view(Release release) {
		Map<String, String> reports = new LinkedHashMap<>();
		if (release.impact() != null) {
			for (String population : List.of(ReleaseImpact.RECORDED, ReleaseImpact.SYNTHETIC)) {
				if (release.impact().contains("\"" + population + "\"")) {
					reports.put(population, "/api/rulesets/releases/" + release.id() + "/impact/" + population);
				}
			}
		}
		return new ReleaseView(release.id(), release.status(), release.version(), release.role().name(),
				release.challengerShare(), release.source(), release.rollback(), release.rationale(),
				release.effectiveAt(), release.baselineVersion(), release.submittedBy(), release.submittedAt(),
				release.decidedBy(), release.decidedAt(), release.decisionComment(), release.activatedAt(),
				tree(release.problems()), tree(release.impact()), reports, trail(release));
	}

	private List<ReleaseView.Step> trail(Release release) {
		if (release.processInstanceId() == null) {
			return List.of();
		}
		List<ReleaseView.Step> steps = new ArrayList<>();
		for (HistoricActivityInstance activity : this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(release.processInstanceId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			if (activity.getActivityName() == null || activity.getActivityType().contains("Gateway")) {
				continue;
			}
			boolean approval = ReleaseProcess.APPROVAL_TASK.equals(activity.getActivityId());
			boolean submitted = "startEvent".equals(activity.getActivityType());
			String by = approval ? release.decidedBy() : submitted ? release.submittedBy() : null;
			String comment = approval ? release.decisionComment() : submitted ? release.rationale() : null;
			steps.add(new ReleaseView.Step(activity.getActivityName(), at(activity.getStartTime()),
					at(activity.getEndTime()), (approval && activity.getEndTime() == null) ? null : by,
					(approval && activity.getEndTime() == null) ? null : comment));
		}
		return steps;
	}

	@Nullable
	private static OffsetDateTime at(@Nullable java.util.Date date) {
		return (date != null) ? date.toInstant().atOffset(ZoneOffset.UTC) : null;
	}

	@Nullable
	private JsonNode tree(@Nullable String text) {
		try {
			return (text != null) ? this.json.readTree(text) : null;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
