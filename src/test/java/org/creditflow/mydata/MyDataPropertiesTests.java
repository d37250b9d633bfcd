package org.creditflow.mydata;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider is configured with its base URL and its token together; without either, the
 * built-in simulator answers with a token of its own, which no setting can fix in
 * advance.
 */
class MyDataPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(MyDataSettings.class);

	@Test
	void shouldUseTheSimulatorWithoutAnyProviderSettings() {
		this.context.run((context) -> {
			MyDataProperties properties = context.getBean(MyDataProperties.class);

			assertThat(properties.simulator().enabled()).isTrue();
			assertThat(properties.financial().baseUrl()).isNull();
			assertThat(properties.financial().token()).isNull();
			assertThat(properties.telecom().token()).isNull();
		});
	}

	@Test
	void shouldAcceptRealProvidersWithTheirTokensAndNoSimulator() {
		this.context
			.withPropertyValues("creditflow.mydata.simulator.enabled=false",
					"creditflow.mydata.financial.base-url=https://mydata.bank.example/v1",
					"creditflow.mydata.financial.token=bank-secret",
					"creditflow.mydata.telecom.base-url=https://mydata.telco.example/v1",
					"creditflow.mydata.telecom.token=telco-secret")
			.run((context) -> assertThat(context.getBean(MyDataProperties.class).telecom().token())
				.isEqualTo("telco-secret"));
	}

	@Test
	void shouldRefuseAProviderWithoutItsToken() {
		this.context.withPropertyValues("creditflow.mydata.financial.base-url=https://mydata.bank.example/v1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("creditflow.mydata.financial")
				.hasMessageContaining("base-url and token go together"));
	}

	@Test
	void shouldRefuseATokenForTheSimulator() {
		this.context.withPropertyValues("creditflow.mydata.telecom.token=simulator-token")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("creditflow.mydata.telecom")
				.hasMessageContaining("base-url and token go together"));
	}

	@Test
	void shouldRefuseSourcesThatNothingServes() {
		this.context.withPropertyValues("creditflow.mydata.simulator.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("or enable the simulator"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MyDataProperties.class)
	static class MyDataSettings {

	}

}
