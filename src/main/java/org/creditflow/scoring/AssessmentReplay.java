package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.scoring.facts.Scoresheet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs recorded assessments again: the facts they recorded, through the ruleset version
 * that made them (compiled from its stored files, whatever is in service now), and says
 * whether the outcome is the same.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentReplay {

	/** The outcome of one replayed assessment, the recorded one beside the new one. */
	public record Result(String assessmentId, int round, String rulesetVersion, boolean rulesetInService,
			boolean identical, List<String> differences, Outcome recorded, Outcome replayed) {
	}

	/** What an assessment concluded. */
	public record Outcome(String band, Integer score, String grade, String segment, Long offerLimit,
			java.math.BigDecimal offerRate, List<String> reasons) {
	}

	private final AssessmentRepository assessments;

	private final RulesetCompiler compiler;

	private final ActiveRuleset active;

	private final ObjectMapper json;

	private final Map<String, Ruleset> compiled = new ConcurrentHashMap<>();

	AssessmentReplay(AssessmentRepository assessments, RulesetCompiler compiler, ActiveRuleset active,
			ObjectMapper json) {
		this.assessments = assessments;
		this.compiler = compiler;
		this.active = active;
		this.json = json;
	}

	/** Every assessment of the application, in order; empty when it has none. */
	public List<Result> replay(String applicationId) {
		List<Result> results = new ArrayList<>();
		for (AssessmentRepository.Recorded recorded : this.assessments.findAll(applicationId)) {
			results.add(replay(recorded));
		}
		return results;
	}

	private Result replay(AssessmentRepository.Recorded recorded) {
		try {
			Assessment assessment = this.json.treeToValue(this.json.readTree(recorded.result()).get("assessment"),
					Assessment.class);
			Ruleset ruleset = this.compiled.computeIfAbsent(assessment.rulesetVersion(), this::compileStored);
			Scoresheet sheet = ruleset.evaluate(RecordedFacts.read(recorded.facts(), this.json).asFacts());
			Outcome before = outcomeOf(assessment);
			Outcome after = outcomeOf(sheet);
			List<String> differences = differences(before, after);
			return new Result(assessment.id(), assessment.round(), assessment.rulesetVersion(),
					assessment.rulesetVersion().equals(this.active.get().version()), differences.isEmpty(), differences,
					before, after);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

	private Ruleset compileStored(String version) {
		String files = this.assessments.findRulesetFiles(version)
			.orElseThrow(() -> new IllegalStateException("Ruleset " + version + " was never stored"));
		try {
			List<RuleFile> ruleFiles = new ArrayList<>();
			this.json.readTree(files).properties().forEach((entry) -> {
				JsonNode file = entry.getValue();
				byte[] content = "base64".equals(file.get("encoding").asText())
						? Base64.getDecoder().decode(file.get("content").asText())
						: file.get("content").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				ruleFiles.add(new RuleFile(entry.getKey(), content));
			});
			Ruleset ruleset = this.compiler.compile(ruleFiles, "stored version " + version);
			if (!ruleset.version().equals(version)) {
				throw new IllegalStateException("The stored files of ruleset " + version + " hash to "
						+ ruleset.version() + ": they were changed");
			}
			return ruleset;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The stored files of ruleset " + version + " cannot be read", ex);
		}
	}

	private static Outcome outcomeOf(Assessment assessment) {
		return new Outcome(assessment.band(), assessment.score(), assessment.grade(), assessment.segment(),
				assessment.offerLimit(), assessment.offerRate(), assessment.reasonCodes());
	}

	/** As {@link CreditAssessor} turns a scoresheet into an assessment. */
	private static Outcome outcomeOf(Scoresheet sheet) {
		Conclusion conclusion = Conclusion.of(sheet);
		return new Outcome(conclusion.band(), sheet.getScore(), sheet.getGrade(), sheet.getSegment(),
				conclusion.offerLimit(), conclusion.offerRate(), conclusion.reasons());
	}

	private static List<String> differences(Outcome before, Outcome after) {
		List<String> differences = new ArrayList<>();
		compare(differences, "band", before.band(), after.band());
		compare(differences, "score", before.score(), after.score());
		compare(differences, "grade", before.grade(), after.grade());
		compare(differences, "segment", before.segment(), after.segment());
		compare(differences, "offerLimit", before.offerLimit(), after.offerLimit());
		if (before.offerRate() != null && after.offerRate() != null
				? before.offerRate().compareTo(after.offerRate()) != 0 : before.offerRate() != after.offerRate()) {
			differences.add("offerRate: recorded " + before.offerRate() + ", replayed " + after.offerRate());
		}
		compare(differences, "reasons", before.reasons(), after.reasons());
		return differences;
	}

	private static void compare(List<String> differences, String what, Object recorded, Object replayed) {
		if (!Objects.equals(recorded, replayed)) {
			differences.add(what + ": recorded " + recorded + ", replayed " + replayed);
		}
	}

}
