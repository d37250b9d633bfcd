package org.creditflow.mydata;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * A MyData worker's settings, under {@code creditflow.worker} (read by the worker only,
 * never by the service).
 *
 * @param serviceUrl where the service (a node, or the load balancer in front of the
 * nodes) answers: its {@code /engine-rest} and {@code /api}
 * @param user the worker's account, a member of {@code mydata-workers}
 * @param password its password: set {@code CREDITFLOW_WORKER_PASSWORD} rather than an
 * argument, which other users of the host can read
 * @param sources the sources whose tasks this worker takes
 * @param threads how many fetches this worker runs at once, each thread polling on its
 * own
 * @param maxTasks how many tasks one poll of a thread locks; they are fetched one after
 * another
 * @param lockDuration how long a locked task stays this worker's: long enough for
 * {@code max-tasks} fetches at their timeout; a worker that dies holds its tasks this
 * long
 * @param pollTimeout how long one poll waits for work (long polling)
 * @param engineRest the engine's REST API below the service's address: the default
 * engine's, or {@code /engine-rest/engine/<name>} for an engine of another name
 */
record WorkerSettings(@Nullable URI serviceUrl, @DefaultValue("worker") @NotBlank String user,
		@Nullable String password, @DefaultValue("FINANCIAL,TELECOM") @NotEmpty List<DataSource> sources,
		@DefaultValue("4") @Min(1) int threads, @DefaultValue("2") @Min(1) int maxTasks,
		@DefaultValue("PT30S") @NotNull Duration lockDuration, @DefaultValue("PT10S") @NotNull Duration pollTimeout,
		@DefaultValue("/engine-rest") @NotBlank String engineRest) {

	/** A report takes at most this long on top of a fetch. */
	static final Duration REPORT_ALLOWANCE = Duration.ofSeconds(2);

	/** Every setting that is missing or does not fit, each named; empty when none. */
	List<String> problems(MyDataProperties mydata) {
		List<String> problems = new java.util.ArrayList<>();
		if (this.serviceUrl == null) {
			problems
				.add("creditflow.worker.service-url is not set (the service's address, e.g. http://localhost:8080)");
		}
		if (this.password == null || this.password.isEmpty()) {
			problems.add("no password for " + this.user + ": set CREDITFLOW_WORKER_PASSWORD");
		}
		Duration longestFetch = this.sources.stream()
			.map((source) -> mydata.source(source).timeout())
			.max(Duration::compareTo)
			.orElse(Duration.ZERO)
			.plus(REPORT_ALLOWANCE);
		Duration needed = longestFetch.multipliedBy(this.maxTasks);
		if (this.lockDuration.compareTo(needed) < 0) {
			problems.add("creditflow.worker.lock-duration " + this.lockDuration + " is shorter than max-tasks ("
					+ this.maxTasks + ") fetches at their timeout plus " + REPORT_ALLOWANCE + " each (" + needed
					+ "): tasks would be fetched twice");
		}
		return problems;
	}

}
