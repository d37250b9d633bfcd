package org.creditflow.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.creditflow.scoring.InvalidRulesetException;
import org.creditflow.scoring.RuleFile;
import org.creditflow.scoring.RuleProblem;
import org.creditflow.scoring.RulesetValidation;
import org.creditflow.scoring.RulesetValidator;
import org.creditflow.scoring.StoredRulesets;

import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidateRelease}: the release's files, as stored, are held to the rules a
 * ruleset must pass before it may decide: rule code confined to the facts, compiled,
 * every grade priced, and every scenario submitted with it passed, each rule exercised. A
 * rollback (a version stored earlier, submitted without scenarios) is compiled and priced
 * only: it decided before. Problems are kept with the release, by file and line.
 */
@Component
class ValidateReleaseDelegate implements JavaDelegate {

	/** What the problems column holds. */
	record Validation(int scenarios, int failedScenarios, List<RuleProblem> problems,
			List<RulesetValidation.ScenarioResult> results) {
	}

	private final ReleaseRepository releases;

	private final StoredRulesets stored;

	private final RulesetValidator validator;

	private final ObjectMapper json;

	ValidateReleaseDelegate(ReleaseRepository releases, StoredRulesets stored, RulesetValidator validator,
			ObjectMapper json) {
		this.releases = releases;
		this.stored = stored;
		this.validator = validator;
		this.json = json;
	}

	@Override
	public void execute(DelegateExecution execution) throws Exception {
		Release release = this.releases.find((String) execution.getVariable(ReleaseProcess.RELEASE_ID)).orElseThrow();
		List<RuleFile> files = this.stored.files(release.version()).orElseThrow();
		String origin = "release " + release.id();
		Validation validation;
		if (release.scenarios() == null) {
			validation = compileOnly(files, origin);
		}
		else {
			RulesetValidation result = this.validator.validate(files, scenarios(release.scenarios()), origin);
			validation = new Validation(result.scenarios(), result.failedScenarios(), result.problems(),
					result.results());
		}
		boolean valid = validation.problems().isEmpty();
		this.releases.validated(release.id(), valid, this.json.writeValueAsString(validation));
		execution.setVariable(ReleaseProcess.VALID, valid);
	}

	private Validation compileOnly(List<RuleFile> files, String origin) {
		try {
			this.validator.compile(files, origin);
			return new Validation(0, 0, List.of(), List.of());
		}
		catch (InvalidRulesetException ex) {
			return new Validation(0, 0, ex.problems(), List.of());
		}
	}

	private List<RuleFile> scenarios(String stored) throws JsonProcessingException {
		Map<String, String> texts = this.json.readValue(stored, new TypeReference<Map<String, String>>() {
		});
		List<RuleFile> files = new ArrayList<>();
		texts.forEach((path, text) -> files.add(new RuleFile(path, text.getBytes(StandardCharsets.UTF_8))));
		return files;
	}

}
