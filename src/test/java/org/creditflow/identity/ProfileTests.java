package org.creditflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Demo users exist only where they are asked for; every profile gets the groups; no other
 * profile starts on a database where a demo user keeps its demo password.
 */
class ProfileTests {

	/** Outside the demo profiles the audit chain's key must be configured. */
	private static final String CHAIN_KEY = "--creditflow.audit.chain-key=" + "k".repeat(32);

	@Test
	void shouldCreateGroupsButNoUsersOutsideTheDemoProfile() {
		try (ConfigurableApplicationContext context = SeparateService.start("production",
				"--spring.profiles.active=production",
				"--spring.datasource.url=jdbc:h2:mem:production-like;DB_CLOSE_DELAY=-1",
				"--camunda.bpm.job-execution.enabled=false", CHAIN_KEY)) {
			IdentityService identity = context.getBean(IdentityService.class);

			assertThat(identity.createUserQuery().count()).isZero();
			assertThat(identity.createGroupQuery().list()).extracting("id")
				.containsExactlyInAnyOrderElementsOf(Groups.ALL);
		}
	}

	@Test
	void shouldRefuseToStartOutsideTheDemoWhileADemoUserHasItsDemoPassword() {
		String database = "jdbc:h2:mem:once-a-demo;DB_CLOSE_DELAY=-1";
		// a database that once ran the demo, written by a plain engine with Camunda's
		// default SHA-512 hashes
		ProcessEngine before = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
			.setJdbcUrl(database)
			.setJdbcUsername("sa")
			.setJdbcPassword("")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setProcessEngineName("onceademo")
			.buildProcessEngine();
		User admin = before.getIdentityService().newUser("admin");
		admin.setPassword("admin");
		before.getIdentityService().saveUser(admin);
		before.close();

		assertThatThrownBy(() -> SeparateService.start("productionguard", "--spring.profiles.active=production",
				"--spring.datasource.url=" + database, "--camunda.bpm.job-execution.enabled=false", CHAIN_KEY))
			.hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("demo users [admin] still have their demo passwords");
	}

}
