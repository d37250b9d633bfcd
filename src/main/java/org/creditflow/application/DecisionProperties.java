package org.creditflow.application;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How decisions are told, set under {@code creditflow.decisions}: the one home of these
 * numbers for the decision record, the officer's review sheet and the applicant's
 * explanation alike.
 *
 * @param reasonsShown how many adverse reasons an applicant is told (and an officer sees
 * first), most important first: the main reasons, not every rule that fired
 * @param counterOfferValidity how long the applicant has to accept an approval for less
 * than they asked before the application expires
 */
@Validated
@ConfigurationProperties("creditflow.decisions")
public record DecisionProperties(@Min(1) int reasonsShown, @DefaultValue("P14D") Duration counterOfferValidity) {
}
