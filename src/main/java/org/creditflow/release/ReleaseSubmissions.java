package org.creditflow.release;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.creditflow.scoring.RuleFile;
import org.creditflow.scoring.Ruleset;
import org.creditflow.scoring.RulesetCandidate;
import org.creditflow.scoring.RulesetRole;
import org.creditflow.scoring.RulesetsInService;
import org.creditflow.scoring.StoredRulesets;
import org.creditflow.web.FieldProblem;
import org.creditflow.web.InvalidRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a release in: checks what was asked, stores the version's files (once, by their
 * SHA-256), records the release and starts its process, all in one transaction with the
 * submission's record in the audit chain.
 */
@Service
class ReleaseSubmissions {

	/** How far in the past an effective date may lie (a clock a little behind). */
	static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

	private final ReleaseRepository releases;

	private final RulesetCandidate candidate;

	private final StoredRulesets stored;

	private final RulesetsInService inService;

	private final RuntimeService runtime;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	ReleaseSubmissions(ReleaseRepository releases, RulesetCandidate candidate, StoredRulesets stored,
			RulesetsInService inService, RuntimeService runtime, ApplicationEventPublisher events, ObjectMapper json,
			Clock clock) {
		this.releases = releases;
		this.candidate = candidate;
		this.stored = stored;
		this.inService = inService;
		this.runtime = runtime;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param zip the uploaded rules folder, for a zip submission
	 * @throws InvalidRequestException naming every problem
	 */
	@Transactional
	Release submit(ReleaseRequest request, @Nullable RulesetZip.Contents zip, String submitter) {
		List<FieldProblem> problems = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		RulesetRole role = (request.role() != null) ? request.role() : RulesetRole.CHAMPION;
		ReleaseSource source = (zip != null) ? ReleaseSource.ZIP
				: ReleaseSource.valueOf(request.source().toUpperCase());
		if (role == RulesetRole.CHALLENGER && request.challengerShare() == null) {
			problems.add(new FieldProblem("challengerShare",
					"is required for a challenger: its share of new applications in percent (1 to 50; 0 ends the challenge)"));
		}
		if (role == RulesetRole.CHAMPION && request.challengerShare() != null) {
			problems
				.add(new FieldProblem("challengerShare", "is only for role CHALLENGER; a champion decides the rest"));
		}
		if (source == ReleaseSource.VERSION && request.version() == null) {
			problems.add(new FieldProblem("version", "is required with source version"));
		}
		if (source != ReleaseSource.VERSION && request.version() != null) {
			problems.add(new FieldProblem("version", "is only for source version"));
		}
		if (request.effectiveAt() != null && request.effectiveAt().isBefore(now.minus(PAST_TOLERANCE))) {
			problems.add(new FieldProblem("effectiveAt", "is in the past; leave it out to activate on approval"));
		}
		List<RuleFile> files = List.of();
		List<RuleFile> scenarios = List.of();
		if (source == ReleaseSource.FOLDER) {
			files = this.candidate.files();
			scenarios = this.candidate.scenarios();
		}
		else if (source == ReleaseSource.ZIP) {
			files = zip.rules();
			scenarios = zip.scenarios();
		}
		else if (request.version() != null) {
			files = this.stored.files(request.version()).orElse(List.of());
			if (files.isEmpty()) {
				problems.add(new FieldProblem("version",
						"ruleset version " + request.version() + " is unknown: it was never submitted nor decided"));
			}
		}
		String champion = this.inService.champion()
			.map(RulesetsInService.Row::version)
			.orElseThrow(() -> new IllegalStateException("No ruleset is in service"));
		String version = files.isEmpty() ? null : Ruleset.versionOf(files);
		// a stored version as champion puts an earlier one back, unless it promotes the
		// challenger
		boolean promotion = version != null
				&& version.equals(this.inService.challenger().map(RulesetsInService.Row::version).orElse(null));
		if (version != null && role == RulesetRole.CHAMPION && version.equals(champion)) {
			problems.add(new FieldProblem("source", "ruleset " + version + " is the champion already"));
		}
		if (version != null && role == RulesetRole.CHALLENGER && version.equals(champion)
				&& request.challengerShare() != null && request.challengerShare() > 0) {
			problems.add(new FieldProblem("source", "the champion cannot challenge itself"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		this.stored.keep(files);
		Release release = new Release(UUID.randomUUID().toString(), version, role, request.challengerShare(), source,
				source == ReleaseSource.VERSION && role == RulesetRole.CHAMPION && !promotion,
				request.rationale().strip(), (request.effectiveAt() != null) ? request.effectiveAt() : now,
				ReleaseStatus.SUBMITTED, champion, (source == ReleaseSource.VERSION) ? null : write(texts(scenarios)),
				null, null, submitter, now, null, null, null, null, null);
		this.releases.insert(release);
		this.events
			.publishEvent(ReleaseRecorded.of(ReleaseRecorded.SUBMITTED, release, submitter, release.rationale(), now));
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(ReleaseProcess.RELEASE_ID, release.id());
		variables.put(ReleaseProcess.EFFECTIVE_AT, Date.from(release.effectiveAt().toInstant()));
		variables.put(ReleaseProcess.SUBMITTED_BY, submitter);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(ReleaseProcess.KEY, release.id(), variables);
		this.releases.startedAs(release.id(), instance.getId());
		return this.releases.find(release.id()).orElseThrow();
	}

	private static Map<String, String> texts(List<RuleFile> files) {
		Map<String, String> texts = new LinkedHashMap<>();
		files.forEach((file) -> texts.put(file.path(), file.text()));
		return texts;
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
