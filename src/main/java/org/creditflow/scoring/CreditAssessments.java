package org.creditflow.scoring;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

	CreditAssessments(AssessmentRepository assessments, ObjectMapper json) {
		this.assessments = assessments;
		this.json = json;
	}

	public Optional<Assessment> latest(String applicationId) {
		return this.assessments.findLatestResult(applicationId).map(this::read);
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
