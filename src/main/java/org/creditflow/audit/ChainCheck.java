package org.creditflow.audit;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * The answer of a chain check.
 *
 * @param valid the chain is unbroken, every anchor is still in it, and every decision on
 * record says what its record says
 * @param checked how many records were read before the first break (all, when unbroken)
 * @param firstBrokenRecord where the chain breaks first; null when unbroken
 * @param lastRecord the chain's last link: keep it outside this database (the anchor file
 * does so on a schedule) and pass it back as an anchor later, and a chain rewritten from
 * scratch is caught too
 * @param anchorsChecked how many anchors (passed in and read from the anchor file) were
 * compared with the chain
 * @param mismatches decisions whose tables ({@code loan_decision},
 * {@code review_decision}) no longer say what their sealed records say, or have no record
 * at all
 */
record ChainCheck(boolean valid, long checked, @Nullable Break firstBrokenRecord, @Nullable Anchor lastRecord,
		int anchorsChecked, List<Break> mismatches) {

	ChainCheck {
		mismatches = List.copyOf(mismatches);
	}

	/** One link of the chain, written {@code seq:hash}. */
	record Anchor(long seq, String hash) {

		static Anchor parse(String text) {
			int colon = text.indexOf(':');
			if (colon < 1 || !text.substring(0, colon).matches("\\d{1,18}")
					|| !text.substring(colon + 1).matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException("an anchor is written seq:hash, e.g. 17:" + "ab".repeat(32));
			}
			return new Anchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
		}

	}

	/**
	 * @param seq the record's number in the chain (0 for a decision that has no record)
	 * @param applicationId its application, when the record is there to read
	 */
	record Break(long seq, @Nullable String applicationId, String problem) {
	}

}
