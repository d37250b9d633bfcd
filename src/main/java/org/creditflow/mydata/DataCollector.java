package org.creditflow.mydata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fetches one source of MyData for an application and stores it as a snapshot, only when
 * the applicant consented to that source. A source already stored is not fetched again,
 * so a retried step never duplicates a snapshot.
 */
@Component
class DataCollector {

	private static final Logger log = LoggerFactory.getLogger(DataCollector.class);

	private final LoanApplications applications;

	private final MyDataProvider provider;

	private final DataSnapshotRepository snapshots;

	private final ObjectMapper json;

	private final Clock clock;

	DataCollector(LoanApplications applications, MyDataProvider provider, DataSnapshotRepository snapshots,
			ObjectMapper json, Clock clock) {
		this.applications = applications;
		this.provider = provider;
		this.snapshots = snapshots;
		this.json = json;
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
		Object profile = (source == DataSource.FINANCIAL) ? this.provider.fetchFinancial(application.applicant())
				: this.provider.fetchTelecom(application.applicant());
		String payload = write(profile);
		this.snapshots.insert(new DataSnapshot(UUID.randomUUID().toString(), applicationId, source,
				this.provider.name(), OffsetDateTime.now(this.clock), consentScope(source),
				application.consent().grantedAt(), applicationId, payload, sha256(payload)));
		log.info("Application {}: {} data stored from {}", applicationId, source, this.provider.name());
	}

	static String consentScope(DataSource source) {
		return "mydata:" + source.name().toLowerCase();
	}

	private String write(Object profile) {
		try {
			return this.json.writeValueAsString(profile);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
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
