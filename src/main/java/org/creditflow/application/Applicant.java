package org.creditflow.application;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.lang.Nullable;

/**
 * The person asking for credit, as the channel submitted them. No resident registration
 * number is ever taken or stored.
 *
 * @param annualIncome declared gross income per year in KRW
 */
public record Applicant(String name, LocalDate birthDate, String phone, @Nullable String email,
		EmploymentType employmentType, long annualIncome) {

	/** Full years of age on {@code day} (만 나이, the age the law counts). */
	public int ageOn(LocalDate day) {
		return Period.between(this.birthDate, day).getYears();
	}

}
