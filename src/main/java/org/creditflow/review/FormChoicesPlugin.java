package org.creditflow.review;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.stereotype.Component;

/**
 * Teaches the engine to store {@link FormChoices} ({@link FormChoicesSerializer}); the
 * Camunda starter applies every plugin bean to the engine it builds.
 */
@Component
class FormChoicesPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreVariableSerializers() == null) {
			configuration.setCustomPreVariableSerializers(new ArrayList<>());
		}
		configuration.getCustomPreVariableSerializers().add(new FormChoicesSerializer());
	}

}
