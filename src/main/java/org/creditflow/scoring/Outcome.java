package org.creditflow.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.creditflow.scoring.facts.Scoresheet;

import org.springframework.lang.Nullable;

/**
 * What a ruleset concluded on one set of facts, as an assessment records it: band, score,
 * grade, segment, the offer unless declined, and the adverse reasons.
 */
public record Outcome(String band, @Nullable Integer score, @Nullable String grade, @Nullable String segment,
		@Nullable Long offerLimit, @Nullable BigDecimal offerRate, List<String> reasons) {

	static Outcome of(Scoresheet sheet) {
		Conclusion conclusion = Conclusion.of(sheet);
		return new Outcome(conclusion.band(), sheet.getScore(), sheet.getGrade(), sheet.getSegment(),
				conclusion.offerLimit(), conclusion.offerRate(), conclusion.reasons());
	}

	static Outcome of(Assessment assessment) {
		return new Outcome(assessment.band(), assessment.score(), assessment.grade(), assessment.segment(),
				assessment.offerLimit(), assessment.offerRate(), assessment.reasonCodes());
	}

	/**
	 * What differs from another outcome, one line per field ("band: recorded REFER,
	 * replayed APPROVE"); empty when they are the same. Rates compare by value (10.90 is
	 * 10.9).
	 */
	public List<String> differencesTo(Outcome other, String mine, String theirs) {
		List<String> differences = new ArrayList<>();
		compare(differences, "band", this.band, other.band, mine, theirs);
		compare(differences, "score", this.score, other.score, mine, theirs);
		compare(differences, "grade", this.grade, other.grade, mine, theirs);
		compare(differences, "segment", this.segment, other.segment, mine, theirs);
		compare(differences, "offerLimit", this.offerLimit, other.offerLimit, mine, theirs);
		boolean sameRate = (this.offerRate != null && other.offerRate != null)
				? this.offerRate.compareTo(other.offerRate) == 0 : this.offerRate == other.offerRate;
		if (!sameRate) {
			differences.add("offerRate: " + mine + " " + this.offerRate + ", " + theirs + " " + other.offerRate);
		}
		compare(differences, "reasons", this.reasons, other.reasons, mine, theirs);
		return differences;
	}

	private static void compare(List<String> differences, String what, @Nullable Object value,
			@Nullable Object otherValue, String mine, String theirs) {
		if (!Objects.equals(value, otherValue)) {
			differences.add(what + ": " + mine + " " + value + ", " + theirs + " " + otherValue);
		}
	}

}
