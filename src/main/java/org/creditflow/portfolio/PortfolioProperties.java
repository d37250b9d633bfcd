package org.creditflow.portfolio;

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
 */
@Validated
@ConfigurationProperties("creditflow.portfolio")
public record PortfolioProperties(@DefaultValue @Valid Bad bad, boolean acceptFutureMonths,
		@DefaultValue("100000") @Min(1) int maxCsvRows, @DefaultValue @Valid Calibration calibration) {

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
