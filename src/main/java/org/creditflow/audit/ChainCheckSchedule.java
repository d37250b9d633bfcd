package org.creditflow.audit;

import org.springframework.stereotype.Component;

/**
 * When the decision chain is checked, as the timer of
 * {@code processes/audit-chain-check.bpmn} reads it:
 * {@code ${chainCheckSchedule.cycle()}} ({@code creditflow.audit.chain-check.cycle}). The
 * engine evaluates it again each time the timer is due, so a changed setting counts from
 * the next run on.
 */
@Component("chainCheckSchedule")
public class ChainCheckSchedule {

	private final AuditProperties properties;

	ChainCheckSchedule(AuditProperties properties) {
		this.properties = properties;
	}

	public String cycle() {
		return this.properties.chainCheck().cycle();
	}

}
