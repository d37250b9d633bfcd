package org.creditflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reading {@code decision_record} rows. */
final class DecisionRecords {

	private DecisionRecords() {
	}

	static DecisionRecord map(ResultSet rs) throws SQLException {
		return new DecisionRecord(rs.getLong("seq"), rs.getString("application_id"), rs.getString("kind"),
				rs.getString("actor"), rs.getString("ruleset_version"), rs.getString("payload"),
				rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
