package org.creditflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the Camunda engine PBKDF2 ({@link Pbkdf2PasswordEncryptor}) for every password it
 * stores, through the engine's password encryptor hook; the Camunda starter applies
 * {@link ProcessEnginePlugin} beans to the engine it builds.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	Pbkdf2PasswordEncryptor pbkdf2PasswordEncryptor(SignInProperties properties) {
		return new Pbkdf2PasswordEncryptor(properties.pbkdf2Iterations());
	}

	@Bean
	ProcessEnginePlugin pbkdf2PasswordHashingPlugin(Pbkdf2PasswordEncryptor encryptor) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				// Camunda keeps checking its SHA-1 and SHA-512 hashes: existing users
				// sign in
				configuration.setPasswordEncryptor(encryptor);
			}
		};
	}

}
