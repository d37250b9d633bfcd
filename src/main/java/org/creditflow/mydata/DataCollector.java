package org.creditflow.mydata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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

	void collect(String applicationId, DataSource source) {
		LoanApplication application = this.applications.get(applicationId);
		boolean consented = (source == DataSource.FINANCIAL) ? application.consent().financialData()
				: application.consent().telecomData();
		if (!consented) {
			log.info("Application {}: no consent for {} data, not fetched", applicationId, source);
			return;
		}
		if (this.snapshots.find(applicationId, source).isPresent()) {
			return;
		}
		try {
			Answer<?> answer = (source == DataSource.FINANCIAL)
					? this.client.financial(applicationId, application.applicant())
					: this.client.telecom(applicationId, application.applicant());
			store(application, source, DataSnapshot.Status.RECEIVED, answer.payload(), null);
			log.info("Application {}: {} data stored from {}", applicationId, source, this.client.providerName(source));
		}
		catch (MyDataUnavailableException ex) {
			if (!JobAttempts.isLast(this.properties.retryCycle())
					|| this.properties.source(source).whenUnavailable() == WhenUnavailable.INCIDENT) {
				throw ex;
			}
			store(application, source, DataSnapshot.Status.MISSING, null, ex.getMessage());
			log.warn("Application {}: {} data recorded as missing after the last attempt", applicationId, source);
			throw new BpmnError(UNAVAILABLE, ex.getMessage());
		}
	}

	private void store(LoanApplication application, DataSource source, DataSnapshot.Status status, String payload,
			String failure) {
		this.snapshots.insert(new DataSnapshot(UUID.randomUUID().toString(), application.id(), source, status,
				this.client.providerName(source), OffsetDateTime.now(this.clock), consentScope(source),
				application.consent().grantedAt(), application.id(), application.submittedBy(), payload,
				(payload != null) ? sha256(payload) : null, failure, null));
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
