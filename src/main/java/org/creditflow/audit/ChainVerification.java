package org.creditflow.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The whole check an auditor asks for: the chain from its first record, against the
 * anchors passed in and those in the anchor file, and the decisions against their
 * records.
 */
@Service
class ChainVerification {

	private final DecisionChain chain;

	private final AnchorFile anchorFile;

	private final DecisionConsistency consistency;

	ChainVerification(DecisionChain chain, AnchorFile anchorFile, DecisionConsistency consistency) {
		this.chain = chain;
		this.anchorFile = anchorFile;
		this.consistency = consistency;
	}

	ChainCheck verify(List<ChainCheck.Anchor> anchors) {
		List<ChainCheck.Anchor> all = new ArrayList<>(anchors);
		all.addAll(this.anchorFile.read());
		ChainCheck walked = this.chain.verify(all);
		List<ChainCheck.Break> mismatches = this.consistency.check();
		return new ChainCheck(walked.valid() && mismatches.isEmpty(), walked.checked(), walked.firstBrokenRecord(),
				walked.lastRecord(), all.size(), mismatches);
	}

}
