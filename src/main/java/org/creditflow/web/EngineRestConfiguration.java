package org.creditflow.web;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}, which Tasklist calls) as the starter sets it
 * up, plus {@link RefusedCompletionMapper}, so that a task completion the server refuses
 * answers 400 or 409 with its message instead of 500, and {@link RefusedPasswordMapper},
 * so that a password against the policy answers 400.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	CamundaJerseyResourceConfig engineRestResources() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				super.registerAdditionalResources();
				register(RefusedCompletionMapper.class);
				register(RefusedPasswordMapper.class);
			}
		};
	}

}
