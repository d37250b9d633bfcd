package org.creditflow.mydata;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.creditflow.application.ApplicationDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the providers' answers only as long as they are needed: for
 * {@code creditflow.mydata.payload-retention} after the application reached its final
 * status. Until then an application may be assessed again (after an officer asked for
 * more information), which reads them, so an open application keeps its payloads however
 * old they are. Afterwards the payload is removed and its SHA-256 stays: the assessments
 * keep the facts they were judged on, which is what replay reads, and the decision chain
 * records each purge ({@link PayloadsPurged}).
 */
@Component
class PayloadRetention {

	private static final Logger log = LoggerFactory.getLogger(PayloadRetention.class);

	private final DataSnapshotRepository snapshots;

	private final MyDataProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate eachApplication;

	PayloadRetention(DataSnapshotRepository snapshots, MyDataProperties properties, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.snapshots = snapshots;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.eachApplication = new TransactionTemplate(transactionManager);
		this.eachApplication.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The retention starts in the transaction that records the final status. */
	@EventListener
	void on(ApplicationDecided decided) {
		this.snapshots.markClosed(decided.applicationId(), decided.decidedAt());
	}

	/**
	 * Removes the payloads whose retention has passed, of at most
	 * {@code payload-purge.batch-size} applications, each in a transaction of its own
	 * (with its chain record), so a decision elsewhere never waits for the whole run.
	 * @return how many applications had payloads removed
	 */
	int purgeExpired() {
		OffsetDateTime cutoff = cutoff();
		List<String> applications = this.snapshots.applicationsWithExpiredPayloads(cutoff,
				this.properties.payloadPurge().batchSize());
		int purged = 0;
		for (String applicationId : applications) {
			if (Boolean.TRUE.equals(this.eachApplication.execute((status) -> purge(applicationId, cutoff)))) {
				purged++;
			}
		}
		if (purged > 0) {
			log.info("MyData payloads of {} applications purged after {}", purged, this.properties.payloadRetention());
		}
		return purged;
	}

	/** The oldest application end whose payloads may still be kept. */
	OffsetDateTime cutoff() {
		return OffsetDateTime.now(this.clock).minus(this.properties.payloadRetention());
	}

	private boolean purge(String applicationId, OffsetDateTime cutoff) {
		List<DataSnapshot> expired = this.snapshots.lockExpiredPayloads(applicationId, cutoff);
		if (expired.isEmpty()) {
			return false;
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		for (DataSnapshot snapshot : expired) {
			this.snapshots.purgePayload(snapshot.id(), now);
		}
		Duration retention = this.properties.payloadRetention();
		this.events.publishEvent(new PayloadsPurged(applicationId,
				expired.stream()
					.map((snapshot) -> new PayloadsPurged.Payload(snapshot.id(), snapshot.source(), snapshot.provider(),
							snapshot.fetchedAt(), snapshot.payloadSha256()))
					.toList(),
				retention, closedAt(applicationId), now));
		return true;
	}

	private OffsetDateTime closedAt(String applicationId) {
		return this.snapshots.closedAt(applicationId)
			.orElseThrow(() -> new IllegalStateException("Application " + applicationId + " has not closed"));
	}

}
