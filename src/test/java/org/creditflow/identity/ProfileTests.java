package org.creditflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.creditflow.SeparateService;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo users exist only where they are asked for; every profile gets the groups.
 */
class ProfileTests {

	@Test
	void shouldCreateGroupsButNoUsersOutsideTheDemoProfile() {
		try (ConfigurableApplicationContext context = SeparateService.start("production",
				"--spring.profiles.active=production",
				"--spring.datasource.url=jdbc:h2:mem:production-like;DB_CLOSE_DELAY=-1",
				"--camunda.bpm.job-execution.enabled=false", "--creditflow.audit.chain-key=" + "k".repeat(32))) {
			IdentityService identity = context.getBean(IdentityService.class);

			assertThat(identity.createUserQuery().count()).isZero();
			assertThat(identity.createGroupQuery().list()).extracting("id")
				.containsExactlyInAnyOrderElementsOf(Groups.ALL);
		}
	}

}
