package org.creditflow.mydata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.creditflow.mydata.MyDataClient.Answer;
import org.creditflow.mydata.MyDataProperties.WhenUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fetches one source of MyData for an application and stores what came back as a
 * snapshot, only when the applicant consented to that source. A source already stored is
 * not fetched again, so a retried step never duplicates a snapshot.
 *
 * <p>
 * A failed fetch fails the step and the job executor retries it. When the last attempt
 * fails too, the source is recorded as missing and the process takes its "unavailable"
 * path (BPMN error {@value #UNAVAILABLE}), or, where configured, the failure is left as
 * an incident for an operator.
 *
 * <p>
 * Sources collected by workers go through the same consent check and the same stores,
 * from the workers' reports ({@link MyDataWork}).
 */
@Component
class DataCollector {

	static final String UNAVAILABLE = "MYDATA_UNAVAILABLE";

	private static final Logger log = LoggerFactory.getLogger(DataCollector.class);

	private final LoanApplications applications;

	private final MyDataClient client;

	private final DataSnapshotRepository snapshots;

	private final MyDataProperties properties;

	private final Clock clock;

	DataCollector(LoanApplications applications, MyDataClient client, DataSnapshotRepository snapshots,
			MyDataProperties properties, Clock clock) {
		this.applications = applications;
		this.client = client;
		this.snapshots = snapshots;
		this.properties = properties;
		this.clock = clock;
	}

	/** The engine's step: fetches the source, retried by the job executor. */
	void collect(String applicationId, DataSource source) {
		LoanApplication application = awaiting(applicationId, source).orElse(null);
		if (application == null) {
			return;
		}
		try {
			Answer<?> answer = this.client.fetch(source, applicationId, ProfileRequest.of(application.applicant()));
			storeReceived(application, source, this.client.providerName(source), answer.payload());
		}
		catch (MyDataUnavailableException ex) {
			if (!JobAttempts.isLast(this.properties.retryCycle())
					|| this.properties.source(source).whenUnavailable() == WhenUnavailable.INCIDENT) {
				throw ex;
			}
			storeMissing(application, source, this.client.providerName(source), ex.getMessage());
			throw new BpmnError(UNAVAILABLE, ex.getMessage());
		}
	}

	/**
	 * The application when the source is still to be fetched for it: the applicant
	 * consented to it and nothing is stored for it yet.
	 */
	Optional<LoanApplication> awaiting(String applicationId, DataSource source) {
		LoanApplication application = this.applications.get(applicationId);
		boolean consented = (source == DataSource.FINANCIAL) ? application.consent().financialData()
				: application.consent().telecomData();
		if (!consented) {
			log.info("Application {}: no consent for {} data, not fetched", applicationId, source);
			return Optional.empty();
		}
		if (this.snapshots.find(applicationId, source).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(application);
	}

	/** Stores a provider's answer exactly as received. */
	void storeReceived(LoanApplication application, DataSource source, String provider, String payload) {
		store(application, source, DataSnapshot.Status.RECEIVED, provider, payload, null);
		log.info("Application {}: {} data stored from {}", application.id(), source, provider);
	}

	/** Records the source as missing after its last attempt failed. */
	void storeMissing(LoanApplication application, DataSource source, String provider, String failure) {
		store(application, source, DataSnapshot.Status.MISSING, provider, null, failure);
		log.warn("Application {}: {} data recorded as missing after the last attempt", application.id(), source);
	}

	private void store(LoanApplication application, DataSource source, DataSnapshot.Status status, String provider,
			String payload, String failure) {
		this.snapshots.insert(new DataSnapshot(UUID.randomUUID().toString(), application.id(), source, status, provider,
				OffsetDateTime.now(this.clock), consentScope(source), application.consent().grantedAt(),
				application.id(), application.submittedBy(), payload, (payload != null) ? sha256(payload) : null,
				failure, null));
	}

	static String consentScope(DataSource source) {
		return "mydata:" + source.name().toLowerCase();
	}

	static String sha256(String payload) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
