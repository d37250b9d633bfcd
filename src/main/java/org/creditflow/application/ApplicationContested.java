package org.creditflow.application;

import java.util.Set;

/**
 * Published when an applicant contests a decision, in the transaction that takes the
 * contest in.
 *
 * @param corrected the applicant's data the contest corrected ({@code annualIncome},
 * {@code employmentType}), empty if none
 * @param formerDeciders the officers who decided the contested application, none of whom
 * may decide the contest
 */
public record ApplicationContested(Contest contest, Set<String> corrected, Set<String> formerDeciders) {
}
