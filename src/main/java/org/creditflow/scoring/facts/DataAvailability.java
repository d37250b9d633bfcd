package org.creditflow.scoring.facts;

/**
 * Which MyData sources the assessment has. A source is missing when it was consented but
 * could not be fetched.
 */
public record DataAvailability(boolean financialConsented, boolean financialAvailable, boolean telecomConsented,
		boolean telecomAvailable) {

	public boolean financialMissing() {
		return this.financialConsented && !this.financialAvailable;
	}

	public boolean telecomMissing() {
		return this.telecomConsented && !this.telecomAvailable;
	}

}
