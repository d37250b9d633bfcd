package org.creditflow.audit;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled check of the decision chain, cheap enough to run every few minutes
 * however long the chain grows: each run checks at most
 * {@code creditflow.audit.chain-check.batch-size} records, from where the last run
 * stopped (the link it stopped at is kept, so the next run checks that the chain still
 * goes on from it). A pass ends at the chain's head, with its anchors compared, or at the
 * first broken record; the next run then starts a new pass from the first record, so
 * every record is checked again in turn. The state lives in one row of
 * {@code decision_chain_check}, locked by each run: two runs never walk at once, and
 * every node reads the same result for its metrics ({@link ChainCheckMetrics}).
 *
 * <p>
 * What it leaves to the full check ({@code GET /api/audit/verify}): comparing the
 * decision tables with their records, which reads every decision at once.
 */
@Component
class RollingChainCheck {

	private static final Logger log = LoggerFactory.getLogger(RollingChainCheck.class);

	/** The row as a run leaves it. */
	record State(long nextSeq, String nextPreviousHash, @Nullable OffsetDateTime passStartedAt,
			@Nullable OffsetDateTime lastRunAt, @Nullable OffsetDateTime lastPassAt, @Nullable Boolean lastPassValid,
			@Nullable Long lastPassRecords, @Nullable Long lastPassBrokenSeq, @Nullable String lastPassProblem) {
	}

	private final JdbcClient jdbc;

	private final DecisionChain chain;

	private final ChainSeal seal;

	private final AnchorFile anchors;

	private final AuditProperties properties;

	private final Clock clock;

	RollingChainCheck(JdbcClient jdbc, DecisionChain chain, ChainSeal seal, AnchorFile anchors,
			AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.seal = seal;
		this.anchors = anchors;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	State run() {
		return run(this.properties.chainCheck().batchSize());
	}

	/** Checks the next stretch of at most {@code limit} records. */
	@Transactional
	State run(int limit) {
		State state = this.jdbc.sql("select * from decision_chain_check where id = 1 for update")
			.query((rs, row) -> map(rs))
			.single();
		ChainCheck.Anchor head = this.chain.head().orElse(new ChainCheck.Anchor(0, ChainWalk.GENESIS));
		ChainWalk walk = new ChainWalk(this.anchors.read(), this.seal, state.nextSeq() - 1, state.nextPreviousHash());
		if (walk.lastSeq() > head.seq()) {
			walk.breakAt(new ChainCheck.Break(head.seq() + 1, null, "the chain's head is record " + head.seq()
					+ " but record " + walk.lastSeq() + " was there before: records at the end were deleted"));
		}
		else {
			this.chain.walk(walk, state.nextSeq(), head.seq(), limit);
			if (walk.lastSeq() == head.seq() || walk.checked() < limit) {
				walk.endAt(head);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (walk.broken() != null || walk.lastSeq() == head.seq()) {
			endPass(walk, head, now);
		}
		else {
			this.jdbc.sql("""
					update decision_chain_check set next_seq = :nextSeq, next_previous_hash = :previousHash,
					    pass_started_at = :passStartedAt, last_run_at = :now where id = 1""")
				.param("nextSeq", walk.lastSeq() + 1)
				.param("previousHash", walk.lastHash())
				.param("passStartedAt", (state.passStartedAt() != null) ? state.passStartedAt() : now)
				.param("now", now)
				.update();
		}
		return state();
	}

	/** Where the pass in progress stands, and what the last complete pass found. */
	@Transactional(readOnly = true)
	State state() {
		return this.jdbc.sql("select * from decision_chain_check where id = 1").query((rs, row) -> map(rs)).single();
	}

	private void endPass(ChainWalk walk, ChainCheck.Anchor head, OffsetDateTime now) {
		ChainCheck.Break broken = walk.broken();
		if (broken != null) {
			log.error("The decision chain is broken at record {}: {}", broken.seq(), broken.problem());
		}
		this.jdbc.sql("""
				update decision_chain_check set next_seq = 1, next_previous_hash = :genesis, pass_started_at = null,
				    last_run_at = :now, last_pass_at = :now, last_pass_valid = :valid, last_pass_records = :records,
				    last_pass_broken_seq = :brokenSeq, last_pass_problem = :problem where id = 1""")
			.param("genesis", ChainWalk.GENESIS)
			.param("now", now)
			.param("valid", broken == null)
			.param("records", (broken == null) ? head.seq() : Math.max(0, broken.seq() - 1))
			.param("brokenSeq", (broken != null) ? broken.seq() : null, java.sql.Types.BIGINT)
			.param("problem", (broken != null) ? broken.problem() : null, java.sql.Types.VARCHAR)
			.update();
	}

	private static State map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new State(rs.getLong("next_seq"), rs.getString("next_previous_hash"),
				rs.getObject("pass_started_at", OffsetDateTime.class),
				rs.getObject("last_run_at", OffsetDateTime.class), rs.getObject("last_pass_at", OffsetDateTime.class),
				rs.getObject("last_pass_valid", Boolean.class), rs.getObject("last_pass_records", Long.class),
				rs.getObject("last_pass_broken_seq", Long.class), rs.getString("last_pass_problem"));
	}

}
