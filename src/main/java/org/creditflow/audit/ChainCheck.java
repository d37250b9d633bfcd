package org.creditflow.audit;

import org.springframework.lang.Nullable;

/**
 * The answer of a chain check.
 *
 * @param checked how many records were read before the first break (all, when valid)
 * @param firstBrokenRecord where the chain breaks first; null when valid
 * @param lastRecord the chain's last link: keep it outside this database (a signed log, a
 * daily e-mail to compliance) and pass it back as an anchor later, and a chain rewritten
 * from scratch is caught too
 */
record ChainCheck(boolean valid, long checked, @Nullable Break firstBrokenRecord, @Nullable Anchor lastRecord) {

	/** One link of the chain, written {@code seq:hash}. */
	record Anchor(long seq, String hash) {

		static Anchor parse(String text) {
			int colon = text.indexOf(':');
			if (colon < 1 || !text.substring(colon + 1).matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException("an anchor is written seq:hash, e.g. 17:" + "ab".repeat(32));
			}
			return new Anchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
		}

	}

	/**
	 * @param seq the record's number in the chain
	 * @param applicationId its application, when the record is there to read
	 */
	record Break(long seq, @Nullable String applicationId, String problem) {
	}

}
