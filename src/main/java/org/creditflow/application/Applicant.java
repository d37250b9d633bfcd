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

	/**
	 * Who this is, with the identifiers masked as screens and exports show them: name
	 * with its middle hidden (홍*동), birth year only, the phone's last four digits.
	 */
	public String masked() {
		return maskName(this.name) + ", born " + this.birthDate.getYear() + ", " + maskPhone(this.phone);
	}

	static String maskName(String name) {
		int[] letters = name.strip().codePoints().toArray();
		if (letters.length <= 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(letters[0]);
		for (int i = 1; i < letters.length - 1; i++) {
			masked.append(Character.isWhitespace(letters[i]) ? ' ' : '*');
		}
		return masked.append((letters.length == 2) ? "*" : Character.toString(letters[letters.length - 1])).toString();
	}

	static String maskPhone(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return (digits.length() < 4) ? "****" : "***-****-" + digits.substring(digits.length() - 4);
	}

}
