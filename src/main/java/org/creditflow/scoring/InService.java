package org.creditflow.scoring;

import org.springframework.lang.Nullable;

/**
 * The rulesets in service on this node: the champion, and a challenger with the share of
 * new applications it decides, if one is being tried.
 */
public record InService(Ruleset champion, @Nullable Ruleset challenger, int challengerShare) {

	static InService championOnly(Ruleset champion) {
		return new InService(champion, null, 0);
	}

	/** The ruleset that decides the application, and in which role. */
	public Chosen forApplication(String applicationId) {
		if (this.challenger != null && ChallengerShare.decidedByChallenger(applicationId, this.challengerShare)) {
			return new Chosen(this.challenger, RulesetRole.CHALLENGER);
		}
		return new Chosen(this.champion, RulesetRole.CHAMPION);
	}

	boolean sameAs(InService other) {
		return this.champion.version().equals(other.champion.version())
				&& versionOf(this.challenger).equals(versionOf(other.challenger))
				&& this.challengerShare == other.challengerShare;
	}

	private static String versionOf(@Nullable Ruleset ruleset) {
		return (ruleset != null) ? ruleset.version() : "";
	}

	/** A ruleset chosen for an application. */
	public record Chosen(Ruleset ruleset, RulesetRole role) {
	}

}
