package org.creditflow.application;

/**
 * Looks up the texts of a reason code. Implemented by the module that owns the reason
 * codes (the ruleset), so that applications can explain their decisions without depending
 * on it.
 */
public interface ReasonCatalog {

	Reason describe(String code);

}
