package org.creditflow.backtest;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.lang.Nullable;

/**
 * The body of {@code POST /api/backtests} for a backtest on the recorded assessments.
 */
@Schema(name = "BacktestRequest", description = "A backtest on the assessments the service recorded")
record BacktestRequest(
		@Schema(description = "active, candidate (the rules folder as it is now) or a ruleset version",
				example = "candidate") @NotBlank String ruleset,
		@Schema(description = "the ruleset to compare with, named the same way; none: no comparison",
				example = "active") @Nullable String baseline,
		@NotNull @Valid PopulationRequest population) {

	@Schema(name = "BacktestPopulation")
	record PopulationRequest(@NotNull @Valid RecordedPeriod recorded) {
	}

	/**
	 * Which recorded assessments: days in the service's time zone, both included; a
	 * missing day leaves that end open.
	 */
	@Schema(name = "BacktestRecordedPeriod")
	record RecordedPeriod(@Schema(example = "2026-01-01") @Nullable LocalDate from,
			@Schema(example = "2026-12-31") @Nullable LocalDate to,
			@Schema(description = "only the assessments this ruleset version made") @Nullable String rulesetVersion) {
	}

}
