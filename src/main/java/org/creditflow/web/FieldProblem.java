package org.creditflow.web;

/**
 * One thing wrong with a request: the field, as a dotted path into the JSON body
 * ({@code applicant.birthDate}), and what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
