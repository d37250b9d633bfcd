package org.creditflow.scoring;

/** For tests outside this package: which applications a challenger decides. */
public final class ChallengerShares {

	private ChallengerShares() {
	}

	public static boolean decidedByChallenger(String applicationId, int sharePercent) {
		return ChallengerShare.decidedByChallenger(applicationId, sharePercent);
	}

}
