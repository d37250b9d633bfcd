package org.creditflow.mydata;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.creditflow.application.Applicant;

/**
 * What creditflow sends a MyData provider: who the person is, nothing more. The provider
 * answers with the profile of that person.
 */
record ProfileRequest(@NotBlank String name, @NotNull LocalDate birthDate, @NotBlank String phone) {

	static ProfileRequest of(Applicant applicant) {
		return new ProfileRequest(applicant.name(), applicant.birthDate(), applicant.phone());
	}

}
