package org.creditflow.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.creditflow.application.LoanProcess.Bands;
import org.creditflow.scoring.facts.ReasonHit;
import org.creditflow.scoring.facts.Scoresheet;

import org.springframework.lang.Nullable;

/**
 * What an assessment concludes from a filled-in scoresheet: the band (REFER with
 * {@link #NO_BAND} first when the rules reached none, so a person decides), the adverse
 * reasons, and the offer unless declined. One place for assessing and for replaying.
 */
record Conclusion(String band, List<String> reasons, @Nullable Long offerLimit, @Nullable BigDecimal offerRate) {

	/** Reason given when a ruleset reaches no band. */
	static final String NO_BAND = "RULES_NO_DECISION";

	static Conclusion of(Scoresheet sheet) {
		List<String> reasons = new ArrayList<>(
				sheet.adverseReasons().stream().map(ReasonHit::code).distinct().toList());
		String band = sheet.getBand();
		if (band == null) {
			band = Bands.REFER;
			reasons.add(0, NO_BAND);
		}
		boolean declined = Bands.DECLINE.equals(band);
		return new Conclusion(band, List.copyOf(reasons), declined ? null : sheet.getOfferLimit(),
				declined ? null : sheet.getOfferRate());
	}

	boolean reachedNoBand() {
		return !this.reasons.isEmpty() && NO_BAND.equals(this.reasons.get(0));
	}

}
