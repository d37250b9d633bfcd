package org.creditflow.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_AssessCredit} and {@code Task_ReassessCredit}: runs the ruleset and hands
 * the process the small facts it routes on and shows the officer.
 */
@Component
class AssessCreditDelegate implements JavaDelegate {

	private final CreditAssessor assessor;

	AssessCreditDelegate(CreditAssessor assessor) {
		this.assessor = assessor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Assessment assessment = this.assessor.assess(execution.getProcessBusinessKey());
		AssessmentVariables.write(execution, assessment);
	}

}
