package org.creditflow.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.ScenarioFiles.Scenarios;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.Applicant;
import org.creditflow.scoring.facts.DataAvailability;
import org.creditflow.scoring.facts.LoanRequest;
import org.creditflow.scoring.facts.ReasonHit;
import org.creditflow.scoring.facts.Scoresheet;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs the risk team's scenarios against a ruleset: each scenario's facts are the
 * standard applicant's with what the scenario changes, and the outcome must be what it
 * expects. It also collects which rules fired, so that a rule no scenario exercises is
 * known.
 */
final class ScenarioRunner {

	/** The outcome of one scenario: what went wrong (nothing when it passed). */
	record Result(Scenario scenario, List<String> failures, Scoresheet sheet) {

		boolean passed() {
			return this.failures.isEmpty();
		}

	}

	/**
	 * Facts are typed strictly: a misspelt field in a scenario is an error, not a
	 * default.
	 */
	private static final ObjectMapper FACTS = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

	private final Set<String> firedRules = new LinkedHashSet<>();

	List<Result> run(Ruleset ruleset, Scenarios scenarios) {
		List<Result> results = new ArrayList<>();
		for (Scenario scenario : scenarios.scenarios()) {
			results.add(run(ruleset, scenarios.standard(), scenario));
		}
		return results;
	}

	Set<String> firedRules() {
		return this.firedRules;
	}

	private Result run(Ruleset ruleset, Map<String, Object> standard, Scenario scenario) {
		List<Object> facts;
		try {
			facts = facts(merge(standard, scenario.given()));
		}
		catch (IllegalArgumentException ex) {
			return new Result(scenario, List.of("its facts cannot be read: " + firstLine(ex.getMessage())), null);
		}
		Scoresheet sheet;
		try {
			sheet = ruleset.evaluate(facts);
		}
		catch (ConsequenceException ex) {
			RuleProblem problem = RulesetCompiler.failure(ruleset.files(), ex);
			return new Result(scenario, List.of(problem.toString()), null);
		}
		this.firedRules.addAll(sheet.getFiredRules());
		return new Result(scenario, check(scenario.expect(), sheet), sheet);
	}

	@SuppressWarnings("unchecked")
	static List<Object> facts(Map<String, Object> given) {
		Map<String, Object> applicant = section(given, "applicant");
		Map<String, Object> loan = section(given, "loan");
		Map<String, Object> consent = section(given, "consent");
		FinancialProfile financial = profile(given.get("financial"), FinancialProfile.class);
		TelecomProfile telecom = profile(given.get("telecom"), TelecomProfile.class);
		boolean financialConsent = !Boolean.FALSE.equals(consent.get("financial"));
		boolean telecomConsent = !Boolean.FALSE.equals(consent.get("telecom"));
		if (!financialConsent) {
			financial = null;
		}
		if (!telecomConsent) {
			telecom = null;
		}
		long income = number(applicant, "declaredAnnualIncome");
		long amount = number(loan, "amount");
		int term = (int) number(loan, "termMonths");
		List<Object> facts = new ArrayList<>();
		facts.add(new Applicant((int) number(applicant, "age"),
				EmploymentType.valueOf(String.valueOf(applicant.get("employmentType"))), income));
		facts.add(new LoanRequest(LoanProduct.valueOf(String.valueOf(loan.get("product"))), amount, term,
				LoanPurpose.valueOf(String.valueOf(loan.get("purpose")))));
		facts.add(Affordability.of(income, (financial != null) ? financial.monthlyIncomeSeen() : 0,
				(financial != null) ? financial.monthlyRepayments() : 0, amount, term));
		facts.add(new DataAvailability(financialConsent, financial != null, telecomConsent, telecom != null));
		if (financial != null) {
			facts.add(financial);
		}
		if (telecom != null) {
			facts.add(telecom);
		}
		return facts;
	}

	private static List<String> check(Map<String, Object> expect, Scoresheet sheet) {
		List<String> failures = new ArrayList<>();
		List<String> reasons = sheet.adverseReasons().stream().map(ReasonHit::code).distinct().toList();
		equal(failures, "band", expect.get("band"), sheet.getBand());
		equal(failures, "grade", expect.get("grade"), sheet.getGrade());
		equal(failures, "segment", expect.get("segment"), sheet.getSegment());
		within(failures, "score", expect.get("score"), sheet.getScore());
		within(failures, "limit", expect.get("limit"), sheet.getOfferLimit());
		if (expect.containsKey("rate") && (sheet.getOfferRate() == null
				|| new BigDecimal(String.valueOf(expect.get("rate"))).compareTo(sheet.getOfferRate()) != 0)) {
			failures.add("expected rate " + expect.get("rate") + " but was " + sheet.getOfferRate());
		}
		for (Object code : list(expect.get("reasons"))) {
			if (!reasons.contains(String.valueOf(code))) {
				failures.add("expected reason " + code + " among " + reasons);
			}
		}
		for (Object code : list(expect.get("notReasons"))) {
			if (reasons.contains(String.valueOf(code))) {
				failures.add("did not expect reason " + code + " among " + reasons);
			}
		}
		if (expect.containsKey("firstReason")
				&& (reasons.isEmpty() || !reasons.get(0).equals(String.valueOf(expect.get("firstReason"))))) {
			failures.add("expected first reason " + expect.get("firstReason") + " but the reasons were " + reasons);
		}
		return failures;
	}

	private static void equal(List<String> failures, String what, Object expected, Object actual) {
		if (expected != null && !Objects.equals(String.valueOf(expected), String.valueOf(actual))) {
			failures.add("expected " + what + " " + expected + " but was " + actual);
		}
	}

	/** An exact number, or a range written {@code [low, high]}. */
	private static void within(List<String> failures, String what, Object expected, Number actual) {
		if (expected == null) {
			return;
		}
		List<?> range = (expected instanceof List<?> list) ? list : List.of(expected, expected);
		long low = ((Number) range.get(0)).longValue();
		long high = ((Number) range.get(range.size() - 1)).longValue();
		if (actual == null || actual.longValue() < low || actual.longValue() > high) {
			failures.add("expected " + what + " " + ((low == high) ? low : "between " + low + " and " + high)
					+ " but was " + actual);
		}
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : (value == null) ? List.of() : List.of(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> given, String name) {
		Object section = given.get(name);
		if (!(section instanceof Map<?, ?>)) {
			throw new IllegalArgumentException(name + " is missing");
		}
		return (Map<String, Object>) section;
	}

	private static long number(Map<String, Object> section, String field) {
		if (!(section.get(field) instanceof Number number)) {
			throw new IllegalArgumentException(field + " must be a number");
		}
		return number.longValue();
	}

	/**
	 * A profile, or none: {@code missing} (or an empty value) stands for a source that
	 * failed.
	 */
	private static <T> T profile(Object value, Class<T> type) {
		if (value == null || "missing".equals(value)) {
			return null;
		}
		return FACTS.convertValue(value, type);
	}

	/**
	 * The standard applicant with a scenario's changes: maps merge, anything else
	 * replaces.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> changes) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		changes.forEach((key, value) -> {
			Object current = merged.get(key);
			if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
				merged.put(key, merge((Map<String, Object>) currentMap, (Map<String, Object>) valueMap));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static String firstLine(String message) {
		return (message == null) ? "" : message.lines().findFirst().orElse("");
	}

}
