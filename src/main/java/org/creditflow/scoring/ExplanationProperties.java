package org.creditflow.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the applicant's explanation says beyond the assessment, set under
 * {@code creditflow.explanation}.
 *
 * @param creditBureau the credit bureau whose score the bank data carries: the Credit
 * Information Act lets an applicant know it, and ask it to correct its data
 */
@Validated
@ConfigurationProperties("creditflow.explanation")
public record ExplanationProperties(@Valid CreditBureau creditBureau) {

	/**
	 * @param name the bureau's name, as the applicant knows it
	 * @param contact where the applicant asks it about its data (a web page or a phone
	 * number)
	 */
	public record CreditBureau(@NotBlank String name, @NotBlank String contact) {
	}

}
