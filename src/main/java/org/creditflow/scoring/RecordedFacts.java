package org.creditflow.scoring;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.Applicant;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;

import org.springframework.lang.Nullable;

/**
 * The facts an assessment recorded ({@code credit_assessment.facts}: each fact under its
 * type's simple name), read back for the review screen and for replay.
 *
 * @param financial null when the assessment had no bank data
 * @param telecom null when the assessment had no telecom data
 */
record RecordedFacts(Applicant applicant, LoanRequest loan, Affordability affordability, DataAvailability availability,
		@Nullable FinancialProfile financial, @Nullable TelecomProfile telecom) {

	static RecordedFacts read(String recorded, ObjectMapper json) {
		try {
			JsonNode facts = json.readTree(recorded);
			return new RecordedFacts(json.treeToValue(facts.get("Applicant"), Applicant.class),
					json.treeToValue(facts.get("LoanRequest"), LoanRequest.class),
					json.treeToValue(facts.get("Affordability"), Affordability.class),
					json.treeToValue(facts.get("DataAvailability"), DataAvailability.class),
					optional(facts, "FinancialProfile", FinancialProfile.class, json),
					optional(facts, "TelecomProfile", TelecomProfile.class, json));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The facts of a recorded assessment cannot be read", ex);
		}
	}

	/** The facts as the ruleset takes them (the policy comes from the ruleset itself). */
	List<Object> asFacts() {
		List<Object> facts = new ArrayList<>(List.of(this.applicant, this.loan, this.affordability, this.availability));
		if (this.financial != null) {
			facts.add(this.financial);
		}
		if (this.telecom != null) {
			facts.add(this.telecom);
		}
		return facts;
	}

	@Nullable
	private static <T> T optional(JsonNode facts, String name, Class<T> type, ObjectMapper json)
			throws JsonProcessingException {
		JsonNode node = facts.get(name);
		return (node == null || node.isNull()) ? null : json.treeToValue(node, type);
	}

}
