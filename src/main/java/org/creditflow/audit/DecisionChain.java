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

	static final String GENESIS = ChainWalk.GENESIS;

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
	DecisionRecord append(@Nullable String applicationId, String kind, String actor, @Nullable String rulesetVersion,
			Map<String, Object> payload) {
		ChainCheck.Anchor head = this.jdbc.sql("select seq, hash from decision_chain_head where id = 1 for update")
			.query((rs, row) -> new ChainCheck.Anchor(rs.getLong("seq"), rs.getString("hash")))
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
		ChainWalk walk = new ChainWalk(anchors, this.seal);
		this.jdbc.sql("select * from decision_record order by seq").query((rs) -> {
			walk.next(DecisionRecords.map(rs));
		});
		walk.endAt(head().orElse(new ChainCheck.Anchor(0, GENESIS)));
		return new ChainCheck(walk.broken() == null, walk.checked(), walk.broken(),
				(walk.lastSeq() > 0) ? new ChainCheck.Anchor(walk.lastSeq(), walk.lastHash()) : null, anchors.size(),
				List.of());
	}

	/**
	 * Hands the walk the records numbered from {@code fromSeq} to {@code toSeq}, at most
	 * {@code limit} of them, in order.
	 */
	void walk(ChainWalk walk, long fromSeq, long toSeq, int limit) {
		this.jdbc.sql("select * from decision_record where seq >= :from and seq <= :to order by seq limit :limit")
			.param("from", fromSeq)
			.param("to", toSeq)
			.param("limit", limit)
			.query((rs) -> {
				walk.next(DecisionRecords.map(rs));
			});
	}

	/**
	 * The records of a ruleset version: its releases, activations and the assessments it
	 * made.
	 */
	List<DecisionRecord> forRuleset(String version, int limit) {
		return this.jdbc.sql("select * from decision_record where ruleset_version = :version order by seq limit :limit")
			.param("version", version)
			.param("limit", limit)
			.query((rs, row) -> DecisionRecords.map(rs))
			.list();
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

}
