package org.creditflow.application;

import org.springframework.lang.Nullable;

/**
 * Looks up the texts of a reason code. Implemented by the module that owns the reason
 * codes (the ruleset), so that applications can explain their decisions without depending
 * on it.
 */
public interface ReasonCatalog {

	/**
	 * The code's texts in the ruleset version that gave it (a challenger's, or a champion
	 * since replaced, words its reasons its own way); the champion's when the version is
	 * unknown.
	 */
	Reason describe(@Nullable String rulesetVersion, String code);

}
