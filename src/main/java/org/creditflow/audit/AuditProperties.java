package org.creditflow.audit;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the decision chain is protected, set under {@code creditflow.audit}.
 *
 * @param chainKey the secret the chain's links are keyed with (HMAC-SHA256): from the
 * environment or a secret store, never in the database, the same on every node; without
 * it the service does not start (the demo profiles carry a published demo key)
 * @param anchorFile where the chain's last link is appended on a schedule: a file outside
 * the database, best on storage a database administrator cannot rewrite
 * @param anchorInterval how often the last link is anchored (only when it moved)
 * @param chainCheck the scheduled check behind the {@code creditflow.audit.chain.*}
 * metrics
 */
@Validated
@ConfigurationProperties("creditflow.audit")
record AuditProperties(
		@NotNull(message = "set creditflow.audit.chain-key (CREDITFLOW_AUDIT_CHAIN_KEY), "
				+ "a secret of at least 32 characters") @Size(min = 32,
						message = "must be at least 32 characters") String chainKey,
		@DefaultValue("data/audit-anchors.log") Path anchorFile, @DefaultValue("PT5M") Duration anchorInterval,
		@DefaultValue @Valid ChainCheckSchedule chainCheck) {

	/**
	 * The scheduled check of the chain, run by the timer of
	 * {@code processes/audit-chain-check.bpmn}.
	 *
	 * @param cycle the timer's cycle: a cron expression (seconds first) or an ISO-8601
	 * repetition; by default every 15 minutes
	 * @param batchSize the most records one run checks; a longer chain is checked over
	 * several runs, each going on where the last stopped
	 */
	record ChainCheckSchedule(@DefaultValue("0 0/15 * * * ?") @NotBlank String cycle,
			@DefaultValue("20000") @Min(1) int batchSize) {
	}

	static final String KEY_NEEDED = "set CREDITFLOW_AUDIT_CHAIN_KEY (creditflow.audit.chain-key) to a secret of "
			+ "at least 32 characters: the decision chain is sealed with it";

	@Override
	public String toString() {
		return "AuditProperties[chainKey=(secret), anchorFile=" + this.anchorFile + ", anchorInterval="
				+ this.anchorInterval + ", chainCheck=" + this.chainCheck + "]";
	}

}
