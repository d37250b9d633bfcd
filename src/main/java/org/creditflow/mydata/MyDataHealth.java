package org.creditflow.mydata;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * How the MyData providers have been answering, in {@code /actuator/health} as
 * {@code mydata}: after {@value #FAILURES_FOR_DEGRADED} failures in a row a source is
 * DEGRADED. That is not DOWN: applications still go on (a missing source is recorded as
 * missing), so a load balancer must not take the node out for it.
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

	MyDataHealth(Clock clock) {
		this.clock = clock;
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

	private SourceState state(DataSource source) {
		return this.states.getOrDefault(source, new SourceState(0, null, null, null));
	}

}
