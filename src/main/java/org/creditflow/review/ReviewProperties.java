package org.creditflow.review;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How review works, set under {@code creditflow.review}.
 *
 * @param sla how long a referred application may wait for an officer before it escalates
 * to senior officers
 * @param informationTimeout how long the applicant has to send requested information
 * before the application expires
 * @param fourEyesLimit approvals above this amount (KRW) need a second approval
 * @param contestDeadline how long an applicant's contest may wait for an officer before
 * it escalates to senior officers
 */
@Validated
@ConfigurationProperties("creditflow.review")
public record ReviewProperties(@NotNull Duration sla, @NotNull Duration informationTimeout,
		@Positive long fourEyesLimit, @NotNull Duration contestDeadline) {
}
