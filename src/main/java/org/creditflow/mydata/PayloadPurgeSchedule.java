package org.creditflow.mydata;

import org.springframework.stereotype.Component;

/**
 * When the purge of expired MyData payloads runs, as the timer of
 * {@code processes/payload-retention.bpmn} reads it: {@code ${payloadPurge.cycle()}}
 * ({@code creditflow.mydata.payload-purge.cycle}). The engine evaluates it again each
 * time the timer is due, so a changed setting counts from the next run on.
 */
@Component("payloadPurge")
public class PayloadPurgeSchedule {

	private final MyDataProperties properties;

	PayloadPurgeSchedule(MyDataProperties properties) {
		this.properties = properties;
	}

	public String cycle() {
		return this.properties.payloadPurge().cycle();
	}

}
