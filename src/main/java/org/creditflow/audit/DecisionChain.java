package org.creditflow.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of decision records. A record is appended in the transaction of the decision
 * it records (so neither exists without the other), after locking the chain's head, which
 * gives every record of every node one order. Its seal ({@link ChainSeal}, keyed with a
 * secret outside the database) covers its fields and the previous record's seal: a
 * changed, inserted or deleted row breaks the chain there, and nobody without the key can
 * seal a replacement.
 */
@Component
class DecisionChain {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final ChainSeal seal;

	private final ObjectMapper json;

	private final Clock clock;

	DecisionChain(JdbcClient jdbc, ChainSeal seal, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	DecisionRecord append(String applicationId, String kind, String actor, @Nullable String rulesetVersion,
			Map<String, Object> payload) {
		Link head = this.jdbc.sql("select seq, hash from decision_chain_head where id = 1 for update")
			.query((rs, row) -> new Link(rs.getLong("seq"), rs.getString("hash")))
			.single();
		// the database keeps microseconds at best; hash what it will give back
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		DecisionRecord unsealed = new DecisionRecord(head.seq() + 1, applicationId, kind, actor, rulesetVersion,
				write(payload), now, head.hash(), "");
		DecisionRecord sealed = unsealed.withHash(this.seal.seal(unsealed));
		this.jdbc.sql("""
				insert into decision_record (seq, application_id, kind, actor, ruleset_version, payload, recorded_at,
				    previous_hash, hash)
				values (:seq, :applicationId, :kind, :actor, :rulesetVersion, :payload, :recordedAt, :previousHash,
				    :hash)""").paramSource(sealed).update();
		this.jdbc.sql("update decision_chain_head set seq = :seq, hash = :hash where id = 1")
			.param("seq", sealed.seq())
			.param("hash", sealed.hash())
			.update();
		return sealed;
	}

	/**
	 * Walks the whole chain from the first record and names the first broken link; with
	 * anchors (links kept outside the database), also that each is still in the chain.
	 */
	@Transactional(readOnly = true)
	ChainCheck verify(List<ChainCheck.Anchor> anchors) {
		Walk walk = new Walk(anchors, this.seal);
		this.jdbc.sql("select * from decision_record order by seq").query((rs) -> {
			walk.next(DecisionRecords.map(rs));
		});
		Link head = this.jdbc.sql("select seq, hash from decision_chain_head where id = 1")
			.query((rs, row) -> new Link(rs.getLong("seq"), rs.getString("hash")))
			.single();
		if (walk.broken == null && (head.seq() != walk.lastSeq || !head.hash().equals(walk.lastHash))) {
			walk.broken = new ChainCheck.Break(walk.lastSeq + 1, null, "the chain's head is record " + head.seq()
					+ " but the records end at " + walk.lastSeq + ": records at the end were deleted");
		}
		for (ChainCheck.Anchor anchor : anchors) {
			if (walk.broken == null && anchor.seq() > walk.lastSeq) {
				walk.broken = new ChainCheck.Break(anchor.seq(), null, "the anchored record " + anchor.seq()
						+ " is beyond the chain's end (" + walk.lastSeq + "): records were deleted");
			}
		}
		return new ChainCheck(walk.broken == null, walk.checked, walk.broken,
				(walk.lastSeq > 0) ? new ChainCheck.Anchor(walk.lastSeq, walk.lastHash) : null, anchors.size(),
				List.of());
	}

	List<DecisionRecord> forApplication(String applicationId) {
		return this.jdbc.sql("select * from decision_record where application_id = :id order by seq")
			.param("id", applicationId)
			.query((rs, row) -> DecisionRecords.map(rs))
			.list();
	}

	/** The chain's last link, as the head row holds it; empty while the chain is. */
	@Transactional(readOnly = true)
	Optional<ChainCheck.Anchor> head() {
		return this.jdbc.sql("select seq, hash from decision_chain_head where id = 1 and seq > 0")
			.query((rs, row) -> new ChainCheck.Anchor(rs.getLong("seq"), rs.getString("hash")))
			.optional();
	}

	private String write(Map<String, Object> payload) {
		try {
			return this.json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A decision record cannot be written", ex);
		}
	}

	private record Link(long seq, String hash) {
	}

	/** The state of a walk along the chain. */
	private static final class Walk {

		private final List<ChainCheck.Anchor> anchors;

		private final ChainSeal seal;

		long checked;

		long lastSeq;

		String lastHash = GENESIS;

		ChainCheck.Break broken;

		Walk(List<ChainCheck.Anchor> anchors, ChainSeal seal) {
			this.anchors = anchors;
			this.seal = seal;
		}

		void next(DecisionRecord record) {
			if (this.broken != null) {
				return;
			}
			this.checked++;
			if (record.seq() != this.lastSeq + 1) {
				this.broken = new ChainCheck.Break(this.lastSeq + 1, null, "record " + (this.lastSeq + 1)
						+ " is missing: the chain jumps from " + this.lastSeq + " to " + record.seq());
			}
			else if (!record.previousHash().equals(this.lastHash)) {
				this.broken = new ChainCheck.Break(record.seq(), record.applicationId(),
						"it does not link to the record before it (previous hash differs)");
			}
			else if (!record.hash().equals(this.seal.seal(record))) {
				this.broken = new ChainCheck.Break(record.seq(), record.applicationId(),
						this.seal.isUnkeyed(record)
								? "it is sealed without the chain key: written before the chain was keyed, "
										+ "or forged by someone without the key"
								: "its content no longer matches its seal: the row was changed");
			}
			else if (this.anchors.stream()
				.anyMatch((anchor) -> anchor.seq() == record.seq() && !anchor.hash().equals(record.hash()))) {
				this.broken = new ChainCheck.Break(record.seq(), record.applicationId(),
						"its hash differs from the anchor kept outside the database: the chain was rewritten");
			}
			this.lastSeq = record.seq();
			this.lastHash = record.hash();
		}

	}

}
