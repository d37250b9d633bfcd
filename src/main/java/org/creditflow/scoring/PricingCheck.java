package org.creditflow.scoring;

import java.util.List;

import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.LoanRequest;
import org.creditflow.scoring.facts.Scoresheet;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Prices every grade in every segment with the ruleset's own pricing stage, before the
 * ruleset may decide anything: no rate may exceed the legal maximum, every approvable
 * grade (A to D) must get a price, and where the policy prices risk (funding + PD × LGD +
 * cost + margin) the offer table must say exactly that price.
 */
final class PricingCheck {

	static final List<String> GRADES = List.of("A", "B", "C", "D", "E");

	static final List<String> APPROVABLE = List.of("A", "B", "C", "D");

	static final List<String> SEGMENTS = List.of("THIN_FILE", "FULL_FILE", "FINANCIAL_ONLY");

	private PricingCheck() {
	}

	static void check(Ruleset ruleset, List<RuleProblem> problems) {
		List<Object> facts = List.of(new LoanRequest(LoanProduct.PERSONAL_CREDIT, 10_000_000, 36, LoanPurpose.LIVING),
				Affordability.of(60_000_000, 5_000_000, 0, 10_000_000, 36));
		for (String segment : SEGMENTS) {
			for (String grade : GRADES) {
				Scoresheet sheet = new Scoresheet();
				sheet.segment(segment, 50, 50);
				sheet.grade(grade);
				sheet.band("APPROVE");
				try {
					ruleset.evaluate(facts, sheet, List.of("pricing", "limit"));
				}
				catch (ConsequenceException ex) {
					problems.add(RulesetCompiler.failure(ruleset.files(), ex));
					continue;
				}
				String where = "grade " + grade + " in segment " + segment;
				if (sheet.getOfferRate() == null) {
					if (APPROVABLE.contains(grade)) {
						problems.add(new RuleProblem("(pricing)", 0, "no rate for " + where));
					}
				}
				else if (sheet.getOfferRate().compareTo(ruleset.policy().legalMaximumRatePercent()) > 0
						|| sheet.getOfferRate().signum() <= 0) {
					problems.add(new RuleProblem("(pricing)", 0,
							where + " is priced at " + sheet.getOfferRate().toPlainString()
									+ " %; a rate must be above 0 and at most "
									+ ruleset.policy().legalMaximumRatePercent() + " % (the legal maximum, "
									+ PolicyFile.LEGAL_MAXIMUM + "), set by " + sheet.getFiredRules()));
				}
				else if (ruleset.policy().hasRiskScale() && sheet.getOfferRate()
					.compareTo(
							ruleset.policy().risk().priceOf(grade, ruleset.policy().legalMaximumRatePercent())) != 0) {
					problems.add(new RuleProblem("(pricing)", 0,
							where + " is priced at " + sheet.getOfferRate().toPlainString()
									+ " %, but the policy prices it at "
									+ ruleset.policy()
										.risk()
										.priceOf(grade, ruleset.policy().legalMaximumRatePercent())
										.toPlainString()
									+ " % (funding + PD x LGD + cost + margin in policy.properties), set by "
									+ sheet.getFiredRules()));
				}
			}
		}
	}

}
