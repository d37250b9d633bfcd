package org.creditflow.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.lang.Nullable;

/**
 * One walk along the decision chain, record after record in order: each must follow the
 * one before it, link to its seal, carry a seal made with the chain key, and agree with
 * any anchor kept for it outside the database. The walk stops counting at the first
 * break. It may start anywhere, from a link checked before.
 */
final class ChainWalk {

	static final String GENESIS = "0".repeat(64);

	private final Map<Long, Set<String>> anchored;

	private final ChainSeal seal;

	private long checked;

	private long lastSeq;

	private String lastHash;

	@Nullable
	private ChainCheck.Break broken;

	/** A walk from the chain's first record. */
	ChainWalk(List<ChainCheck.Anchor> anchors, ChainSeal seal) {
		this(anchors, seal, 0, GENESIS);
	}

	/**
	 * A walk that goes on after the record {@code afterSeq}, whose seal was
	 * {@code afterHash} when it was checked.
	 */
	ChainWalk(List<ChainCheck.Anchor> anchors, ChainSeal seal, long afterSeq, String afterHash) {
		this.anchored = new HashMap<>(anchors.stream()
			.collect(Collectors.groupingBy(ChainCheck.Anchor::seq,
					Collectors.mapping(ChainCheck.Anchor::hash, Collectors.toSet()))));
		this.seal = seal;
		this.lastSeq = afterSeq;
		this.lastHash = afterHash;
	}

	void next(DecisionRecord record) {
		if (this.broken != null) {
			return;
		}
		this.checked++;
		if (record.seq() != this.lastSeq + 1) {
			breakAt(new ChainCheck.Break(this.lastSeq + 1, null, "record " + (this.lastSeq + 1)
					+ " is missing: the chain jumps from " + this.lastSeq + " to " + record.seq()));
		}
		else if (!record.previousHash().equals(this.lastHash)) {
			breakAt(new ChainCheck.Break(record.seq(), record.applicationId(),
					"it does not link to the record before it (previous hash differs)"));
		}
		else if (!record.hash().equals(this.seal.seal(record))) {
			breakAt(new ChainCheck.Break(record.seq(), record.applicationId(),
					this.seal.isUnkeyed(record)
							? "it is sealed without the chain key: written before the chain was keyed, "
									+ "or forged by someone without the key"
							: "its content no longer matches its seal: the row was changed"));
		}
		else if (this.anchored.getOrDefault(record.seq(), Set.of())
			.stream()
			.anyMatch((hash) -> !hash.equals(record.hash()))) {
			breakAt(new ChainCheck.Break(record.seq(), record.applicationId(),
					"its hash differs from the anchor kept outside the database: the chain was rewritten"));
		}
		this.lastSeq = record.seq();
		this.lastHash = record.hash();
	}

	/** Records the first break; later ones are not reported. */
	void breakAt(ChainCheck.Break found) {
		if (this.broken == null) {
			this.broken = found;
		}
	}

	/**
	 * The walk has reached the chain's head: its last record must be the one the head
	 * names, and no anchor may lie beyond it.
	 */
	void endAt(ChainCheck.Anchor head) {
		if (head.seq() != this.lastSeq || !head.hash().equals(this.lastHash)) {
			breakAt(new ChainCheck.Break(this.lastSeq + 1, null, "the chain's head is record " + head.seq()
					+ " but the records end at " + this.lastSeq + ": records at the end were deleted"));
		}
		this.anchored.keySet()
			.stream()
			.filter((seq) -> seq > this.lastSeq)
			.min(Long::compare)
			.ifPresent((seq) -> breakAt(new ChainCheck.Break(seq, null, "the anchored record " + seq
					+ " is beyond the chain's end (" + this.lastSeq + "): records were deleted")));
	}

	/** How many records were read up to and including the first broken one. */
	long checked() {
		return this.checked;
	}

	long lastSeq() {
		return this.lastSeq;
	}

	String lastHash() {
		return this.lastHash;
	}

	@Nullable
	ChainCheck.Break broken() {
		return this.broken;
	}

}
