package org.creditflow.scoring;

/**
 * A row of {@code rules/reason-codes.csv}: a code and the texts that explain it to an
 * applicant.
 */
public record ReasonCode(String code, String category, String text, String textKo) {
}
