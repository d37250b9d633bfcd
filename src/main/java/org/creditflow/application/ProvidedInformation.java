package org.creditflow.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * The body of {@code POST /api/applications/{id}/information}: what the applicant answers
 * to an officer's request, optionally with corrected income or employment.
 */
@Schema(name = "ProvidedInformation")
record ProvidedInformation(@NotBlank @Size(max = 2000) String message, @Schema(
		description = "corrected gross annual income in KRW") @Nullable @PositiveOrZero @Max(100_000_000_000L) Long annualIncome,
		@Nullable EmploymentType employmentType) {
}
