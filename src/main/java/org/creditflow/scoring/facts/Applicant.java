package org.creditflow.scoring.facts;

import org.creditflow.application.EmploymentType;

/**
 * The applicant as the rules see them.
 *
 * @param age full years on the day of the assessment (만 나이)
 * @param declaredAnnualIncome gross annual income the applicant declared, KRW
 */
public record Applicant(int age, EmploymentType employmentType, long declaredAnnualIncome) {
}
