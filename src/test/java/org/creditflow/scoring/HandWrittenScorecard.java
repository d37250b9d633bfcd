package org.creditflow.scoring;

import java.util.Collection;
import java.util.List;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Policy;

/**
 * The segment, score, PD and grade of the default ruleset written by hand in Java, with
 * the bins and points read from the scorecard table ({@code credit/scorecards.drl.csv})
 * and the scale from the policy: the baseline a rules engine is compared with.
 */
final class HandWrittenScorecard {

	private final List<ScorecardTable.Bin> bins;

	private final Policy policy;

	HandWrittenScorecard(List<RuleFile> files, Policy policy) {
		this.policy = policy;
		this.bins = ScorecardTable.bins(files);
	}

	Result score(Collection<?> facts) {
		FinancialProfile financial = find(facts, FinancialProfile.class);
		TelecomProfile telecom = find(facts, TelecomProfile.class);
		if (financial == null) {
			return new Result(null, null, null, null);
		}
		String segment = (telecom == null) ? "FINANCIAL_ONLY" : financial.thinFile() ? "THIN_FILE" : "FULL_FILE";
		int points = 0;
		for (ScorecardTable.Bin bin : this.bins) {
			if (bin.segment().equals(segment)) {
				Object fact = find(facts, bin.factType());
				if (fact != null && bin.holds(bin.value(fact))) {
					points += bin.points();
				}
			}
		}
		int score = Math.max(1, Math.min(1000, points));
		double pd = this.policy.risk().pdOf(score, this.policy.scoreBase());
		return new Result(segment, score, pd, this.policy.risk().gradeOf(pd));
	}

	private static <T> T find(Collection<?> facts, Class<T> type) {
		for (Object fact : facts) {
			if (type.isInstance(fact)) {
				return type.cast(fact);
			}
		}
		return null;
	}

	record Result(String segment, Integer score, Double pd, String grade) {
	}

}
