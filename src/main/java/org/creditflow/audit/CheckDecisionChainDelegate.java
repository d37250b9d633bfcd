package org.creditflow.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckDecisionChain} of {@code audit-chain-check.bpmn}: the next stretch of
 * the chain, checked on the job executor of whichever node took the timer. What it found
 * stays on the instance for Cockpit.
 */
@Component
class CheckDecisionChainDelegate implements JavaDelegate {

	private final RollingChainCheck check;

	CheckDecisionChainDelegate(RollingChainCheck check) {
		this.check = check;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RollingChainCheck.State state = this.check.run();
		execution.setVariable("nextSeq", state.nextSeq());
		execution.setVariable("lastPassValid", state.lastPassValid());
	}

}
