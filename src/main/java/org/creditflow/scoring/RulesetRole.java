package org.creditflow.scoring;

/**
 * What a ruleset in service does: the champion decides every application the challenger
 * does not; a challenger decides a set share of new applications, to be compared with the
 * champion before it replaces it.
 */
public enum RulesetRole {

	CHAMPION, CHALLENGER

}
