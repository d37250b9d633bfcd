package org.creditflow.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.creditflow.application.NewApplication.ConsentData;

import org.springframework.lang.Nullable;

/**
 * The body of {@code POST /api/applications/{id}/contest}: what the applicant asks for,
 * what they say in their favour, what they correct, and their consent to read their
 * MyData again.
 */
@Schema(name = "Contest", description = "An applicant's contest of a declined application")
record ContestRequest(@NotNull ContestKind kind, @Schema(
		description = "the applicant's statement: what they say in their favour, or what was wrong",
		example = "My income rose in October; my employer's statement is attached to the branch file.") @NotBlank @Size(
				max = 2000) String statement,
		@Schema(description = "corrected gross annual income in KRW") @Nullable @PositiveOrZero @Max(100_000_000_000L) Long annualIncome,
		@Schema(description = "corrected employment") @Nullable EmploymentType employmentType,
		@Schema(description = "consent to read the applicant's MyData again for the new assessment") @NotNull @Valid ConsentData consent) {

	/**
	 * The applicant as the contested application had them, with this contest's
	 * corrections.
	 */
	Applicant correct(Applicant applicant) {
		return new Applicant(applicant.name(), applicant.birthDate(), applicant.phone(), applicant.email(),
				(this.employmentType != null) ? this.employmentType : applicant.employmentType(),
				(this.annualIncome != null) ? this.annualIncome : applicant.annualIncome());
	}

}
