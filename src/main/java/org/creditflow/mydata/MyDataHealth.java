package org.creditflow.mydata;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * How the MyData providers have been answering, in {@code /actuator/health} as
 * {@code mydata}: after {@value #FAILURES_FOR_DEGRADED} failures in a row a source is
 * DEGRADED. That is not DOWN: applications still go on (a missing source is recorded as
 * missing), so a load balancer must not take the node out for it. The same, per source,
 * as gauges for Prometheus: {@code creditflow.mydata.consecutive.failures} and
 * {@code creditflow.mydata.degraded} (1 when degraded), so alerts use this threshold
 * instead of a copy of it. Each node counts its own fetches.
 */
@Component("mydata")
class MyDataHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "a MyData provider keeps failing");

	static final int FAILURES_FOR_DEGRADED = 3;

	private record SourceState(int failuresInARow, OffsetDateTime lastSuccess, OffsetDateTime lastFailure,
			String lastProblem) {
	}

	private final Map<DataSource, SourceState> states = new EnumMap<>(DataSource.class);

	private final Clock clock;

	MyDataHealth(Clock clock, MeterRegistry registry) {
		this.clock = clock;
		for (DataSource source : DataSource.values()) {
			String tag = source.name().toLowerCase();
			Gauge.builder("creditflow.mydata.consecutive.failures", this, (health) -> health.failuresInARow(source))
				.description("Failed fetches in a row from the source's provider, on this node")
				.tag("source", tag)
				.register(registry);
			Gauge
				.builder("creditflow.mydata.degraded", this,
						(health) -> (health.failuresInARow(source) >= FAILURES_FOR_DEGRADED) ? 1 : 0)
				.description("1 when the source's provider failed " + FAILURES_FOR_DEGRADED
						+ " times in a row or more (health DEGRADED), else 0")
				.tag("source", tag)
				.register(registry);
		}
	}

	synchronized void succeeded(DataSource source) {
		SourceState state = state(source);
		this.states.put(source,
				new SourceState(0, OffsetDateTime.now(this.clock), state.lastFailure(), state.lastProblem()));
	}

	synchronized void failed(DataSource source, MyDataUnavailableException failure) {
		SourceState state = state(source);
		this.states.put(source, new SourceState(state.failuresInARow() + 1, state.lastSuccess(),
				OffsetDateTime.now(this.clock), failure.reason().name()));
	}

	@Override
	public synchronized Health health() {
		boolean degraded = false;
		Map<String, Object> details = new LinkedHashMap<>();
		for (DataSource source : DataSource.values()) {
			SourceState state = state(source);
			degraded |= state.failuresInARow() >= FAILURES_FOR_DEGRADED;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("failuresInARow", state.failuresInARow());
			detail.put("lastSuccess", String.valueOf(state.lastSuccess()));
			detail.put("lastFailure", String.valueOf(state.lastFailure()));
			detail.put("lastProblem", String.valueOf(state.lastProblem()));
			details.put(source.name().toLowerCase(), detail);
		}
		return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
	}

	private synchronized int failuresInARow(DataSource source) {
		return state(source).failuresInARow();
	}

	private SourceState state(DataSource source) {
		return this.states.getOrDefault(source, new SourceState(0, null, null, null));
	}

}
