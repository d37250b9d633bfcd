package org.creditflow.mydata;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Whether retention keeps up: payloads purged, by source
 * ({@code creditflow.mydata.payloads.purged}, counted after commit on the node that
 * purged), and payloads kept past their retention that the purge has yet to remove
 * ({@code creditflow.mydata.payloads.overdue}, read from the shared table on a schedule,
 * the same on every node; NaN until read). Overdue payloads for longer than a purge cycle
 * mean the purge is not running or cannot keep up.
 */
@Component
class PayloadRetentionMetrics {

	private static final Logger log = LoggerFactory.getLogger(PayloadRetentionMetrics.class);

	private final DataSnapshotRepository snapshots;

	private final PayloadRetention retention;

	private final Map<DataSource, Counter> purged = new EnumMap<>(DataSource.class);

	private volatile double overdue = Double.NaN;

	PayloadRetentionMetrics(DataSnapshotRepository snapshots, PayloadRetention retention, MeterRegistry registry) {
		this.snapshots = snapshots;
		this.retention = retention;
		for (DataSource source : DataSource.values()) {
			// registered at zero, so a rate over them starts from the first scrape
			this.purged.put(source,
					Counter.builder("creditflow.mydata.payloads.purged")
						.description("MyData payloads removed after their retention period (the SHA-256 stays)")
						.tag("source", source.name().toLowerCase())
						.register(registry));
		}
		Gauge.builder("creditflow.mydata.payloads.overdue", this, (metrics) -> metrics.overdue)
			.description("MyData payloads kept past their retention period, still to be purged")
			.register(registry);
	}

	@TransactionalEventListener
	void on(PayloadsPurged purged) {
		purged.payloads().forEach((payload) -> this.purged.get(payload.source()).increment());
	}

	@Scheduled(fixedDelayString = "${creditflow.metrics.refresh-interval:PT30S}")
	void refresh() {
		try {
			this.overdue = this.snapshots.countExpiredPayloads(this.retention.cutoff());
		}
		catch (RuntimeException ex) {
			log.warn("Cannot count the MyData payloads past their retention: {}", ex.toString());
			this.overdue = Double.NaN;
		}
	}

}
