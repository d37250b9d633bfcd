/**
 * Credit scoring: the Drools ruleset in {@code rules/} (policy knock-outs, financial and
 * telecom scorecards, segments, grade and band, pricing), the fact model it reasons
 * about, and the assessments it produces, each recorded with the ruleset version that
 * made it.
 */
@NonNullApi
package org.creditflow.scoring;

import org.springframework.lang.NonNullApi;
