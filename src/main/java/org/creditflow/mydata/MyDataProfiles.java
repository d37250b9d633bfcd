package org.creditflow.mydata;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MyData an application was judged on, read back from its snapshots. An empty profile
 * means the source was not fetched (no consent) or stayed unavailable (recorded as
 * missing).
 */
@Service
@Transactional(readOnly = true)
public class MyDataProfiles {

	private final DataSnapshotRepository snapshots;

	private final MyDataClient client;

	MyDataProfiles(DataSnapshotRepository snapshots, MyDataClient client) {
		this.snapshots = snapshots;
		this.client = client;
	}

	public Optional<FinancialProfile> financial(String applicationId) {
		return received(applicationId, DataSource.FINANCIAL).map((s) -> read(s, FinancialProfile.class));
	}

	public Optional<TelecomProfile> telecom(String applicationId) {
		return received(applicationId, DataSource.TELECOM).map((s) -> read(s, TelecomProfile.class));
	}

	public Optional<DataSnapshot> snapshot(String applicationId, DataSource source) {
		return this.snapshots.find(applicationId, source);
	}

	public List<DataSnapshot> snapshots(String applicationId) {
		return this.snapshots.findAll(applicationId);
	}

	private Optional<DataSnapshot> received(String applicationId, DataSource source) {
		return snapshot(applicationId, source).filter((s) -> s.status() == DataSnapshot.Status.RECEIVED);
	}

	private <T> T read(DataSnapshot snapshot, Class<T> type) {
		if (snapshot.payloadPurgedAt() != null) {
			// only closed applications lose their payloads, and nothing assesses them
			// again
			throw new IllegalStateException("The payload of snapshot " + snapshot.id() + " was purged on "
					+ snapshot.payloadPurgedAt() + " after its retention period; the assessments keep their facts");
		}
		try {
			return this.client.read(snapshot.payload(), type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Snapshot " + snapshot.id() + " cannot be read as " + type.getSimpleName(),
					ex);
		}
	}

}
