package org.creditflow.portfolio;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.springframework.lang.Nullable;

/**
 * An approved loan as loan servicing takes it on: its amount, rate and term, and the
 * origination grade and PD that collections work by.
 *
 * @param amount the approved amount in KRW
 * @param annualRate the annual rate in percent
 * @param pdPercent the probability of default at decision, in percent
 */
record BookEntry(String applicationId, YearMonth bookedMonth, long amount, @Nullable BigDecimal annualRate,
		int termMonths, @Nullable String grade, @Nullable Double pdPercent) {

}
