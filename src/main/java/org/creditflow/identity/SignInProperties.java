package org.creditflow.identity;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are stored and how hard guessing them is made, set under
 * {@code creditflow.sign-in}. The per-account lock-out is Camunda's own and is set with
 * its {@code login-delay-*} properties ({@code camunda.bpm.generic-properties}).
 *
 * @param pbkdf2Iterations PBKDF2-HMAC-SHA256 iterations for new password hashes; 600,000
 * is OWASP's recommendation (Password Storage Cheat Sheet). Raising it later is safe:
 * each hash keeps its own count, and older hashes are upgraded at their next sign-in.
 * @param rememberedFor how long a successful sign-in is remembered, so an API client
 * sending its password with every request costs one slow hash per this period, not one
 * per request
 * @param perAddress the limit on failed sign-ins from one client address
 */
@Validated
@ConfigurationProperties("creditflow.sign-in")
record SignInProperties(@DefaultValue("600000") @Min(100_000) int pbkdf2Iterations,
		@DefaultValue("PT1M") @NotNull Duration rememberedFor, @DefaultValue @Valid PerAddress perAddress) {

	/**
	 * After {@code maxFailures} failed sign-ins from one address within {@code window},
	 * that address may not try again for {@code blockedFor}.
	 */
	record PerAddress(@DefaultValue("10") @Min(1) int maxFailures, @DefaultValue("PT5M") @NotNull Duration window,
			@DefaultValue("PT15M") @NotNull Duration blockedFor) {
	}

}
