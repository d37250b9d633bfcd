package org.creditflow.scoring;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.scoring.facts.Policy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads recorded assessments: the source of truth for what the rules decided, whatever
 * process variables say.
 */
@Service
@Transactional(readOnly = true)
public class CreditAssessments {

	private final AssessmentRepository assessments;

	private final ObjectMapper json;

	private final ActiveRuleset ruleset;

	CreditAssessments(AssessmentRepository assessments, ObjectMapper json, ActiveRuleset ruleset) {
		this.assessments = assessments;
		this.ruleset = ruleset;
		this.json = json;
	}

	public Optional<Assessment> latest(String applicationId) {
		return this.assessments.findLatestResult(applicationId).map(this::read);
	}

	/**
	 * The recorded facts behind the application's latest assessment, for the officer who
	 * reviews it; the DSR limit is the policy's in service.
	 */
	public Optional<ReviewFigures> latestFigures(String applicationId) {
		Policy policy = this.ruleset.get().policy();
		return this.assessments.findLatestFacts(applicationId).map((recorded) -> {
			RecordedFacts facts = RecordedFacts.read(recorded, this.json);
			return new ReviewFigures(facts.loan(), facts.affordability(), facts.availability(), facts.financial(),
					facts.telecom(), policy);
		});
	}

	private Assessment read(String result) {
		try {
			return this.json.treeToValue(this.json.readTree(result).get("assessment"), Assessment.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded assessment cannot be read", ex);
		}
	}

}
