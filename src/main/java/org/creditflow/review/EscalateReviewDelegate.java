package org.creditflow.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.creditflow.application.LoanProcess.Variables;
import org.creditflow.identity.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateReview}: the SLA passed without a decision. The review task stays
 * where it is, with whoever has claimed it, and senior officers become candidates too;
 * its priority rises so it tops their lists.
 */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(EscalateReviewDelegate.class);

	static final int ESCALATED_PRIORITY = 90;

	@Override
	public void execute(DelegateExecution execution) {
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey("Task_ReviewApplication")
			.list()) {
			tasks.addCandidateGroup(task.getId(), Groups.SENIOR_OFFICERS);
			tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
		}
		execution.setVariable(Variables.ESCALATED, true);
		log.info("Application {} escalated to senior officers: review SLA passed", execution.getProcessBusinessKey());
	}

}
