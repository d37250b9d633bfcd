package org.creditflow.mydata;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MyData an application was judged on, read back from its snapshots. An empty result
 * means the source was not fetched: no consent, or the provider stayed unavailable.
 */
@Service
@Transactional(readOnly = true)
public class MyDataProfiles {

	private final DataSnapshotRepository snapshots;

	private final ObjectMapper json;

	MyDataProfiles(DataSnapshotRepository snapshots, ObjectMapper json) {
		this.snapshots = snapshots;
		this.json = json;
	}

	public Optional<FinancialProfile> financial(String applicationId) {
		return snapshot(applicationId, DataSource.FINANCIAL).map((s) -> read(s.payload(), FinancialProfile.class));
	}

	public Optional<TelecomProfile> telecom(String applicationId) {
		return snapshot(applicationId, DataSource.TELECOM).map((s) -> read(s.payload(), TelecomProfile.class));
	}

	public Optional<DataSnapshot> snapshot(String applicationId, DataSource source) {
		return this.snapshots.find(applicationId, source);
	}

	public List<DataSnapshot> snapshots(String applicationId) {
		return this.snapshots.findAll(applicationId);
	}

	private <T> T read(String payload, Class<T> type) {
		try {
			return this.json.readValue(payload, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored " + type.getSimpleName() + " cannot be read", ex);
		}
	}

}
