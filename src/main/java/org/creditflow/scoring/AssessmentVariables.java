package org.creditflow.scoring;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.creditflow.application.LoanProcess.Variables;

/**
 * Writes an assessment's small decision facts into process variables, which the process
 * routes on and the task forms show. Review steps write them again from the recorded
 * assessment when a task completes, so a form cannot change what the rules decided.
 */
public final class AssessmentVariables {

	private AssessmentVariables() {
	}

	public static void write(VariableScope scope, Assessment assessment) {
		scope.setVariable(Variables.ASSESSMENT_ID, assessment.id());
		scope.setVariable(Variables.RULESET_VERSION, assessment.rulesetVersion());
		scope.setVariable(Variables.BAND, assessment.band());
		scope.setVariable(Variables.SCORE, assessment.score());
		scope.setVariable(Variables.GRADE, assessment.grade());
		scope.setVariable(Variables.SEGMENT, assessment.segment());
		scope.setVariable(Variables.OFFER_LIMIT, assessment.offerLimit());
		// a process variable cannot hold a BigDecimal without Java serialization; 7.9
		// travels as a double
		scope.setVariable(Variables.OFFER_RATE,
				(assessment.offerRate() != null) ? assessment.offerRate().doubleValue() : null);
		scope.setVariable(Variables.REASON_CODES, String.join(",", assessment.reasonCodes()));
	}

}
