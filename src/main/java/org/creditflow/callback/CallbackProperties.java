package org.creditflow.callback;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Decision callbacks, set under {@code creditflow.callbacks}.
 *
 * @param secretKey the key the partners' signing secrets are encrypted with in the
 * database ({@code CREDITFLOW_CALLBACKS_SECRET_KEY}); without it nobody can register a
 * callback (503) and registered ones are not sent
 * @param allowLocalHttp accept {@code http://} and loopback or private addresses, for
 * tests and a demo on one machine only: in production a callback URL is HTTPS to a public
 * address, so a partner cannot make the service call into the bank's network
 * @param retryCycle how the job executor retries a notification the partner did not
 * accept (ISO-8601 repetition); the last failure becomes an incident
 * @param connectTimeout how long to wait for the partner's server to accept the
 * connection
 * @param readTimeout how long to wait for its answer
 */
@Validated
@ConfigurationProperties("creditflow.callbacks")
public record CallbackProperties(@Nullable String secretKey, boolean allowLocalHttp,
		@DefaultValue("R5/PT1M") @NotBlank String retryCycle, @DefaultValue("PT2S") @NotNull Duration connectTimeout,
		@DefaultValue("PT5S") @NotNull Duration readTimeout) {

	boolean configured() {
		return this.secretKey != null && !this.secretKey.isBlank();
	}

}
