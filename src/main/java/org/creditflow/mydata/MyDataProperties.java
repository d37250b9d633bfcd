package org.creditflow.mydata;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Where MyData comes from and what happens when it does not come, set under
 * {@code creditflow.mydata}.
 *
 * @param retryCycle how the job executor retries a failed fetch (ISO-8601 repetition,
 * such as {@code R3/PT10S}: three attempts, ten seconds apart)
 * @param payloadRetention how long the providers' answers are kept after the application
 * reached its final status; then only their SHA-256 stays
 * @param payloadPurge when and how much the purge of expired payloads removes
 */
@Validated
@ConfigurationProperties("creditflow.mydata")
public record MyDataProperties(@DefaultValue("R3/PT10S") @NotBlank String retryCycle,
		@DefaultValue @Valid Source financial, @DefaultValue @Valid Source telecom,
		@DefaultValue @Valid Simulator simulator, @DefaultValue("P90D") @NotNull Duration payloadRetention,
		@DefaultValue @Valid PayloadPurge payloadPurge) {

	/**
	 * One MyData provider.
	 *
	 * @param baseUrl the provider's base URL; when absent, the built-in simulator
	 * @param token the bearer token the provider expects; set exactly when the base URL
	 * is (the simulator makes its own token at each start)
	 * @param name recorded on every snapshot as the provider
	 * @param timeout per request: connecting and answering
	 * @param whenUnavailable what a source that stays down after every retry becomes
	 * @param collectedBy who calls the provider: a step of the process on the service's
	 * job executor, or {@code mydata-worker} processes through an external task
	 */
	public record Source(@Nullable URI baseUrl, @Nullable String token,
			@DefaultValue(MyDataSimulator.NAME) @NotBlank String name, @DefaultValue("PT5S") @NotNull Duration timeout,
			@DefaultValue("MISSING") @NotNull WhenUnavailable whenUnavailable,
			@DefaultValue("ENGINE") @NotNull CollectedBy collectedBy) {

		@AssertTrue(message = "base-url and token go together: a provider needs its bearer token, "
				+ "and without a base-url the built-in simulator, which makes its own token, is used")
		boolean isTokenGivenWithBaseUrl() {
			boolean hasToken = this.token != null && !this.token.isBlank();
			return hasToken == (this.baseUrl != null);
		}

	}

	public enum WhenUnavailable {

		/** recorded as missing: the assessment goes on without it, and says so */
		MISSING,
		/**
		 * left as an incident, for an operator to retry in Cockpit once the provider is
		 * back
		 */
		INCIDENT

	}

	public enum CollectedBy {

		/** a step of the process, run by the job executor of a service node */
		ENGINE,
		/**
		 * an external task of the source's topic ({@link MyDataCollection#topic}),
		 * fetched by {@code java -jar creditflow.jar mydata-worker} processes
		 */
		WORKER

	}

	/**
	 * The built-in simulator: an HTTP server of its own on the loopback address, with a
	 * bearer token made at each start (see {@code MyDataSimulatorServer}).
	 *
	 * @param enabled whether it runs; sources without a base URL need it
	 * @param slowAnswer how long it takes to answer applicants of the slow-provider fault
	 * @param latency how long it takes to send every profile it answers with, as a real
	 * provider's round trip (for load benchmarks; none by default)
	 * @param telecomSignal how much the telecom data of people drawn from the population
	 * reveals about their creditworthiness, 0 to 1 ({@code docs/credit-model.md})
	 */
	public record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("PT10S") @NotNull Duration slowAnswer,
			@DefaultValue("PT0S") @NotNull Duration latency,
			@DefaultValue("" + MyDataSimulator.TELECOM_SIGNAL) @DecimalMin("0") @DecimalMax("1") double telecomSignal) {
	}

	/**
	 * The purge of expired payloads, run by the timer of
	 * {@code processes/payload-retention.bpmn}.
	 *
	 * @param cycle the timer's cycle: a cron expression (seconds first) or an ISO-8601
	 * repetition; by default every night at 02:30, server time
	 * @param batchSize the most applications one run purges; the rest wait for the next
	 * run
	 */
	public record PayloadPurge(@DefaultValue("0 30 2 * * ?") @NotBlank String cycle,
			@DefaultValue("1000") @Min(1) int batchSize) {
	}

	@AssertTrue(message = "set creditflow.mydata.financial.base-url and telecom.base-url, or enable the simulator")
	boolean isEverySourceReachable() {
		return this.simulator.enabled() || (this.financial.baseUrl() != null && this.telecom.baseUrl() != null);
	}

	public Source source(DataSource source) {
		return (source == DataSource.FINANCIAL) ? this.financial : this.telecom;
	}

}
