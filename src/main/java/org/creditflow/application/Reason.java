package org.creditflow.application;

/**
 * One reason behind a decision, with the texts an applicant is shown.
 */
public record Reason(String code, String text, String textKo) {
}
