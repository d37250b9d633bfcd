package org.creditflow.callback;

import java.time.Clock;
import java.time.Duration;

import org.creditflow.web.ServiceUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Without {@code creditflow.callbacks.secret-key} a secret could only be kept in clear,
 * so nobody can register a callback: 503, naming the setting, and nothing written.
 */
class PartnerCallbacksTests {

	@Test
	void shouldRefuseToRegisterWithoutAKeyForTheSecrets() {
		JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
		CallbackProperties withoutKey = new CallbackProperties(null, false, "R5/PT1M", Duration.ofSeconds(2),
				Duration.ofSeconds(5));
		PartnerCallbacks callbacks = new PartnerCallbacks(jdbc, withoutKey, Clock.systemUTC());

		assertThatThrownBy(() -> callbacks.save("partner", "https://203.0.113.10/decisions"))
			.isInstanceOf(ServiceUnavailableException.class)
			.hasMessageContaining("CREDITFLOW_CALLBACKS_SECRET_KEY");
		verify(jdbc, never()).sql(org.mockito.ArgumentMatchers.startsWith("insert"));
	}

}
