package org.creditflow.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approval for less than the applicant asked: the largest amount the DSR limit and the
 * income cap allow at the offered rate. The loan is granted only once the applicant
 * accepts it, by {@code acceptBy}.
 *
 * @param reasons why the amount is less, most important first
 */
public record CounterOffer(long requestedAmount, long amount, BigDecimal annualRate, int termMonths,
		List<Reason> reasons, OffsetDateTime acceptBy) {

	public CounterOffer {
		reasons = List.copyOf(reasons);
	}

}
