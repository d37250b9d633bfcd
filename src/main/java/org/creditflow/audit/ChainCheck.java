package org.creditflow.audit;

import org.springframework.lang.Nullable;

/**
 * The answer of a chain check.
 *
 * @param checked how many records were read before the first break (all, when valid)
 * @param firstBrokenRecord where the chain breaks first; null when valid
 */
record ChainCheck(boolean valid, long checked, @Nullable Break firstBrokenRecord) {

	/**
	 * @param seq the record's number in the chain
	 * @param applicationId its application, when the record is there to read
	 */
	record Break(long seq, @Nullable String applicationId, String problem) {
	}

}
