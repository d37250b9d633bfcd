package org.creditflow.portfolio;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Portfolio monitoring, set under {@code creditflow.portfolio}.
 *
 * @param bad when a loan counts as bad: {@code days-past-due} or more (or defaulted, or
 * written off) within {@code within-months} of its booking
 * @param acceptFutureMonths take reports for months after the current one: only for the
 * demo, whose servicing feed plays the months after today's approvals
 * @param maxCsvRows the most rows one CSV import may hold
 * @param calibration when a grade's observed bad rate is out of line with its PD
 * @param stability when a month's applicants no longer look like the development sample
 */
@Validated
@ConfigurationProperties("creditflow.portfolio")
public record PortfolioProperties(@DefaultValue @Valid Bad bad, boolean acceptFutureMonths,
		@DefaultValue("100000") @Min(1) int maxCsvRows, @DefaultValue @Valid Calibration calibration,
		@DefaultValue @Valid Stability stability) {

	/**
	 * The stability check of each month's applicants against the development sample.
	 *
	 * @param watch an index from this up is worth watching (0.10, the usual threshold)
	 * @param shift an index above this is a shift in the population (0.25)
	 * @param minimumApplications fewer applications of a segment in a month than this
	 * give an index too noisy to judge (its sampling noise alone is about the bins less
	 * one over the applications)
	 * @param months how many months the report covers, the current one included
	 * @param refreshInterval how often the stability gauges are computed again: each
	 * computation reads the facts of two months' assessments
	 */
	public record Stability(@DefaultValue("0.10") @DecimalMin("0.001") double watch,
			@DefaultValue("0.25") @DecimalMin("0.001") double shift,
			@DefaultValue("200") @Min(1) int minimumApplications, @DefaultValue("12") @Min(1) @Max(120) int months,
			@DefaultValue("PT5M") Duration refreshInterval) {

	}

	/**
	 * The calibration check.
	 *
	 * @param significance a grade is out of line when the binomial test's two-sided
	 * p-value is below this
	 * @param minimumLoans fewer loans with a finished window than this are too few to
	 * judge
	 */
	public record Calibration(@DefaultValue("0.01") @DecimalMin("0.0001") @DecimalMax("0.2") double significance,
			@DefaultValue("30") @Min(1) int minimumLoans) {

	}

	/**
	 * The bad definition.
	 *
	 * @param daysPastDue days past due that make a loan bad
	 * @param withinMonths months after booking in which it counts (the performance
	 * window)
	 */
	public record Bad(@DefaultValue("90") @Min(1) @Max(720) int daysPastDue,
			@DefaultValue("12") @Min(1) @Max(120) int withinMonths) {

		BadDefinition definition() {
			return new BadDefinition(this.daysPastDue, this.withinMonths);
		}

	}

}
