package org.creditflow.portfolio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.lang.Nullable;

/**
 * How often officers decide against the rules, who and why, and how the loans they
 * approved against the score perform against what the rules predicted for them.
 */
final class Overrides {

	/**
	 * Overrides among some officers' decisions.
	 *
	 * @param key the officer, or the reason
	 * @param reviewed their decisions
	 * @param overridden those that went against the rules
	 * @param rate overridden as a share of reviewed
	 */
	record Count(String key, int reviewed, int overridden, double rate) {
	}

	/**
	 * Loans an officer approved, as they turned out.
	 *
	 * @param judged loans whose window has ended or that went bad
	 * @param predictedBadRate their mean PD at decision
	 * @param observedBadRate the share that went bad; null while none is judged
	 */
	record Performance(String loans, int approved, int judged, int bad, double predictedBadRate,
			@Nullable Double observedBadRate) {
	}

	record Report(int reviewed, int overridden, double overrideRate, Map<OfficerDecision.Override, Integer> byKind,
			List<Count> byOfficer, List<Count> byReason, List<Performance> performance, String definition) {
	}

	/**
	 * The reason of an override without a reason code: an approval, which has a comment.
	 */
	static final String APPROVAL = "approval (comment only)";

	private Overrides() {
	}

	static Report of(List<OfficerDecision> decisions, BadDefinition definition) {
		Map<OfficerDecision.Override, Integer> byKind = new EnumMap<>(OfficerDecision.Override.class);
		decisions.forEach((decision) -> decision.overrides().forEach((kind) -> byKind.merge(kind, 1, Integer::sum)));
		int overridden = (int) decisions.stream().filter(OfficerDecision::overridden).count();
		List<OfficerDecision> overrides = decisions.stream().filter(OfficerDecision::overridden).toList();
		return new Report(decisions.size(), overridden, share(overridden, decisions.size()), byKind,
				counts(decisions, OfficerDecision::officer),
				counts(overrides,
						(decision) -> decision.approved() ? APPROVAL
								: Objects.toString(decision.reason(), "no reason code")),
				List.of(performance("approved against the score", decisions,
						(decision) -> decision.overrides().contains(OfficerDecision.Override.APPROVED_AGAINST_SCORE),
						definition),
						performance("approved on better terms", decisions,
								(decision) -> decision.overrides().contains(OfficerDecision.Override.BETTER_TERMS),
								definition),
						performance("approved as the rules would have", decisions, (decision) -> !decision.overridden(),
								definition)),
				definition.code());
	}

	private static List<Count> counts(List<OfficerDecision> decisions, Function<OfficerDecision, String> key) {
		Map<String, List<OfficerDecision>> groups = new TreeMap<>();
		decisions
			.forEach((decision) -> groups.computeIfAbsent(key.apply(decision), (k) -> new ArrayList<>()).add(decision));
		List<Count> counts = new ArrayList<>();
		groups.forEach((name, group) -> {
			int overridden = (int) group.stream().filter(OfficerDecision::overridden).count();
			counts.add(new Count(name, group.size(), overridden, share(overridden, group.size())));
		});
		return counts;
	}

	private static Performance performance(String loans, List<OfficerDecision> decisions,
			Predicate<OfficerDecision> which, BadDefinition definition) {
		List<OfficerDecision> approved = decisions.stream().filter(OfficerDecision::approved).filter(which).toList();
		List<OfficerDecision> judged = approved.stream()
			.filter((decision) -> decision.outcome() != null
					&& (decision.outcome().bad() || decision.outcome().monthsOnBook() >= definition.withinMonths()))
			.toList();
		int bad = (int) judged.stream().filter((decision) -> decision.outcome().bad()).count();
		double predicted = judged.stream()
			.filter((decision) -> decision.pdPercent() != null)
			.mapToDouble((decision) -> decision.pdPercent() / 100)
			.average()
			.orElse(0);
		return new Performance(loans, approved.size(), judged.size(), bad, predicted,
				judged.isEmpty() ? null : (double) bad / judged.size());
	}

	private static double share(int part, int whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

}
