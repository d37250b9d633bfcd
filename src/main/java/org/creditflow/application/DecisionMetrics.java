package org.creditflow.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts applications by how they ended ({@code creditflow.applications.decided}), once
 * the decision is committed, so a retried step is never counted twice.
 */
@Component
class DecisionMetrics {

	private final MeterRegistry registry;

	DecisionMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener
	void on(ApplicationDecided decided) {
		Counter.builder("creditflow.applications.decided")
			.description("Applications that reached a final status")
			.tag("outcome", decided.outcome().name())
			.tag("decider", decided.decider().name().toLowerCase())
			.register(this.registry)
			.increment();
	}

}
