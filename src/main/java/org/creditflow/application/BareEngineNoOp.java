package org.creditflow.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Every delegate and listener of the bare engine's process ({@link BareEngineModel}): the
 * engine still resolves and calls it, and it does nothing.
 */
@Component(BareEngineNoOp.BEAN)
@Profile(BareEngine.PROFILE)
class BareEngineNoOp implements JavaDelegate, ExecutionListener, TaskListener {

	static final String BEAN = "bareEngineNoOp";

	@Override
	public void execute(DelegateExecution execution) {
	}

	@Override
	public void notify(DelegateExecution execution) {
	}

	@Override
	public void notify(DelegateTask task) {
	}

}
