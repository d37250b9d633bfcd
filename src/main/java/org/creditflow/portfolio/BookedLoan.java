package org.creditflow.portfolio;

import java.time.YearMonth;

import org.springframework.lang.Nullable;

/**
 * An approved loan as it was decided: when it was booked, what the ruleset predicted and
 * who approved it. The portfolio's figures are broken down by these.
 *
 * @param pdPercent the probability of default the ruleset gave, in percent
 * @param rulesetRole CHAMPION or CHALLENGER
 * @param rulesBand the band the rules gave (APPROVE, REFER, DECLINE)
 * @param decidedBy {@code rules}, or the officer who approved it
 */
record BookedLoan(String applicationId, YearMonth bookedMonth, @Nullable String grade, @Nullable String segment,
		@Nullable Double pdPercent, @Nullable String rulesetVersion, @Nullable String rulesetRole,
		@Nullable String rulesBand, String decidedBy) {

}
