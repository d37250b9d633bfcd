package org.creditflow.application;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts applications by how they ended ({@code creditflow.applications.decided}) and
 * times how long they took from submission to that end
 * ({@code creditflow.applications.time.to.decision}), once the decision is committed, so
 * a retried step is never counted twice.
 */
@Component
class DecisionMetrics {

	/**
	 * The histogram's buckets: the rules decide in seconds, officers in hours, and an
	 * application waiting for the applicant's documents in days.
	 */
	static final Duration[] TIME_TO_DECISION_BUCKETS = { Duration.ofSeconds(1), Duration.ofSeconds(2),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4),
			Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14),
			Duration.ofDays(30) };

	private final MeterRegistry registry;

	DecisionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener
	void on(ApplicationDecided decided) {
		String outcome = decided.outcome().name();
		String decider = decided.decider().name().toLowerCase();
		Counter.builder("creditflow.applications.decided")
			.description("Applications that reached a final status")
			.tag("outcome", outcome)
			.tag("decider", decider)
			.register(this.registry)
			.increment();
		Timer.builder("creditflow.applications.time.to.decision")
			.description("From submission to the final status")
			.tag("outcome", outcome)
			.tag("decider", decider)
			.serviceLevelObjectives(TIME_TO_DECISION_BUCKETS)
			.register(this.registry)
			.record(Duration.between(decided.submittedAt(), decided.decidedAt()));
	}

}
