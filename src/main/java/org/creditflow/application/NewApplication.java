package org.creditflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * The body of {@code POST /api/applications}. Fields are boxed so that a missing value is
 * reported as missing instead of silently becoming zero.
 */
@Schema(name = "NewApplication", description = "A loan application with the applicant's MyData consent")
record NewApplication(@NotNull @Valid ApplicantData applicant, @NotNull @Valid LoanData loan,
		@NotNull @Valid ConsentData consent) {

	static final String PHONE = "^01[016789]-?\\d{3,4}-?\\d{4}$";

	@Schema(name = "NewApplicant")
	record ApplicantData(
			@Schema(example = "김민지") @NotBlank @Size(max = 50) @Pattern(regexp = "^[\\p{L}][\\p{L}\\p{M} .'-]*$",
					message = "must contain letters, spaces, dots, hyphens or apostrophes only") String name,
			@Schema(example = "1990-04-12") @NotNull @Past LocalDate birthDate,
			@Schema(example = "010-1234-5678") @NotBlank @Pattern(regexp = PHONE,
					message = "must be a Korean mobile number like 010-1234-5678") String phone,
			@Schema(example = "minji@example.com") @Nullable @Email @Size(max = 254) String email,
			@NotNull EmploymentType employmentType, @Schema(description = "declared gross annual income in KRW",
					example = "48000000") @NotNull @PositiveOrZero @Max(100_000_000_000L) Long annualIncome) {

		@AssertTrue(message = "must be after 1900-01-01")
		@Schema(hidden = true)
		boolean isBirthDatePlausible() {
			return this.birthDate == null || this.birthDate.isAfter(LocalDate.of(1900, 1, 1));
		}

	}

	@Schema(name = "NewLoanRequest")
	record LoanData(@NotNull LoanProduct product,
			@Schema(description = "principal in KRW",
					example = "20000000") @NotNull @Positive @Max(10_000_000_000L) Long amount,
			@Schema(example = "36") @NotNull @Min(1) @Max(120) Integer termMonths, @NotNull LoanPurpose purpose) {
	}

	@Schema(name = "NewConsent")
	record ConsentData(@Schema(
			description = "consent to read bank MyData; without it no assessment is possible") @NotNull Boolean financialData,
			@Schema(description = "consent to read telecom MyData; without it the assessment uses bank data only") @NotNull Boolean telecomData,
			@Schema(description = "when the applicant consented: not in the future, at most "
					+ "creditflow.intake.consent-max-age (30 days) ago",
					example = "2026-11-28T10:00:00+09:00") @NotNull @RecentConsent OffsetDateTime grantedAt) {
	}

	Applicant toApplicant() {
		return new Applicant(this.applicant.name().strip(), this.applicant.birthDate(),
				normalizedPhone(this.applicant.phone()), this.applicant.email(), this.applicant.employmentType(),
				this.applicant.annualIncome());
	}

	LoanRequest toLoanRequest() {
		return new LoanRequest(this.loan.product(), this.loan.amount(), this.loan.termMonths(), this.loan.purpose());
	}

	Consent toConsent() {
		return new Consent(this.consent.financialData(), this.consent.telecomData(), this.consent.grantedAt());
	}

	/** 01012345678 and 010-1234-5678 are the same number; store one spelling. */
	static String normalizedPhone(String phone) {
		String digits = phone.replace("-", "");
		int lastFour = digits.length() - 4;
		return digits.substring(0, 3) + "-" + digits.substring(3, lastFour) + "-" + digits.substring(lastFour);
	}

}
