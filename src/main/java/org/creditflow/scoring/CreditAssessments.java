package org.creditflow.scoring;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;

import org.springframework.lang.Nullable;
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
		int dsrLimitPercent = this.ruleset.get().policy().dsrLimitPercent();
		return this.assessments.findLatestFacts(applicationId).map((facts) -> {
			try {
				JsonNode node = this.json.readTree(facts);
				return new ReviewFigures(this.json.treeToValue(node.get("LoanRequest"), LoanRequest.class),
						this.json.treeToValue(node.get("Affordability"), Affordability.class),
						this.json.treeToValue(node.get("DataAvailability"), DataAvailability.class),
						optional(node, "FinancialProfile", FinancialProfile.class),
						optional(node, "TelecomProfile", TelecomProfile.class), dsrLimitPercent);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("The facts of a recorded assessment cannot be read", ex);
			}
		});
	}

	@Nullable
	private <T> T optional(JsonNode facts, String name, Class<T> type) throws JsonProcessingException {
		JsonNode node = facts.get(name);
		return (node == null || node.isNull()) ? null : this.json.treeToValue(node, type);
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
