package org.creditflow.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What intake accepts, set under {@code creditflow.intake}.
 *
 * @param consentMaxAge how old the applicant's MyData consent may be when the application
 * arrives; older consents must be given again
 * @param clockSkew how far in the future a consent time may lie, for clocks that differ a
 * little between the channel and this service
 * @param contestWindow how long after a decline the applicant may contest it
 */
@ConfigurationProperties("creditflow.intake")
record IntakeProperties(@DefaultValue("P30D") Duration consentMaxAge, @DefaultValue("PT5M") Duration clockSkew,
		@DefaultValue("P30D") Duration contestWindow) {
}
