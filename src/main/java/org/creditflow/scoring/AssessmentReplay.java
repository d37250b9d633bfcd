package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

	private final AssessmentRepository assessments;

	private final StoredRulesets stored;

	private final ActiveRuleset active;

	private final ObjectMapper json;

	AssessmentReplay(AssessmentRepository assessments, StoredRulesets stored, ActiveRuleset active, ObjectMapper json) {
		this.assessments = assessments;
		this.stored = stored;
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
			Ruleset ruleset = this.stored.get(assessment.rulesetVersion());
			Outcome before = Outcome.of(assessment);
			Outcome after = ruleset.decide(RecordedFacts.read(recorded.facts(), this.json).asFacts());
			List<String> differences = before.differencesTo(after, "recorded", "replayed");
			return new Result(assessment.id(), assessment.round(), assessment.rulesetVersion(),
					assessment.rulesetVersion().equals(this.active.get().version()), differences.isEmpty(), differences,
					before, after);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

}
