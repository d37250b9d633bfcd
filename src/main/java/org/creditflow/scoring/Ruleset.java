package org.creditflow.scoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.scoring.facts.Affordability;
import org.creditflow.scoring.facts.LoanRequest;
import org.creditflow.scoring.facts.Policy;
import org.creditflow.scoring.facts.Scoresheet;
import org.creditflow.scoring.facts.SupervisoryDsr;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

import org.springframework.lang.Nullable;

/**
 * A compiled ruleset, immutable and shared by every thread: its files, its version (the
 * SHA-256 over the files) and the reason codes it explains decisions with.
 */
public final class Ruleset {

	/**
	 * The stages an assessment goes through, in order; every rule names its stage with
	 * {@code agenda-group}. The rules of a stage see what earlier stages wrote on the
	 * scoresheet, never what their own stage writes, so no rule needs {@code modify}.
	 */
	public static final List<String> STAGES = List.of("policy", "segment", "scorecard", "score", "grade", "decision",
			"pricing", "limit");

	/** A rule that keeps re-firing is a defect; stop it instead of spinning. */
	private static final int MAX_FIRINGS = 10_000;

	private final String version;

	private final List<RuleFile> files;

	private final KieBase kieBase;

	private final Map<String, ReasonCode> reasonCodes;

	private final Policy policy;

	private final String origin;

	private final KieSessionsPool sessions;

	private final OffsetDateTime loadedAt;

	@Nullable
	private final DevelopmentSample developmentSample;

	Ruleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, ReasonCode> reasonCodes, Policy policy,
			String origin, OffsetDateTime loadedAt) {
		this.version = version;
		this.files = List.copyOf(files);
		this.kieBase = kieBase;
		this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
		// in the file's order: the order the risk team lists them in, in forms too
		this.reasonCodes = Collections.unmodifiableMap(new LinkedHashMap<>(reasonCodes));
		this.policy = policy;
		this.origin = origin;
		this.loadedAt = loadedAt;
		// the compiler has reported any problem of the file already
		this.developmentSample = this.files.stream()
			.filter((file) -> file.path().equals(DevelopmentSample.PATH))
			.findFirst()
			.map((file) -> DevelopmentSample.parse(file, new ArrayList<>()))
			.orElse(null);
	}

	/**
	 * The version a ruleset of these files has: the SHA-256 over their paths and
	 * contents.
	 */
	public static String versionOf(List<RuleFile> files) {
		return RulesetCompiler.version(files);
	}

	/**
	 * Runs every stage over the facts (and the policy) and returns the filled-in
	 * scoresheet.
	 */
	public Scoresheet evaluate(Collection<?> facts) {
		return evaluate(facts, new Scoresheet(), STAGES);
	}

	/**
	 * What the ruleset concludes on the facts, as an assessment would record it.
	 */
	public Outcome decide(Collection<?> facts) {
		return Outcome.of(evaluate(facts));
	}

	/**
	 * Runs only the given stages, on a scoresheet that stands for what the earlier stages
	 * would have written; for checking one part of the policy on its own.
	 */
	Scoresheet evaluate(Collection<?> facts, Scoresheet sheet, List<String> stages) {
		KieSession session = this.sessions.newKieSession();
		AgendaEventListener firedRules = new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				Rule rule = event.getMatch().getRule();
				// a looked-up table's rule names the row that fired itself
				if (!rule.getMetaData().containsKey(DecisionTableLookup.TABLE_ROWS)) {
					sheet.fired(rule.getName());
				}
			}
		};
		try {
			session.addEventListener(firedRules);
			session.insert(this.policy);
			facts.forEach(session::insert);
			supervisoryDsr(facts).ifPresent(session::insert);
			FactHandle sheetHandle = session.insert(sheet);
			int fired = 0;
			for (String stage : stages) {
				String[] changes = sheet.takeChanges();
				if (changes.length > 0) {
					session.update(sheetHandle, sheet, changes);
				}
				session.getAgenda().getAgendaGroup(stage).setFocus();
				fired += session.fireAllRules(MAX_FIRINGS);
				if (fired >= MAX_FIRINGS) {
					throw new IllegalStateException("Rules fired " + MAX_FIRINGS
							+ " times in one assessment: a rule in stage " + stage + " loops");
				}
			}
			return sheet;
		}
		finally {
			session.removeEventListener(firedRules);
			session.dispose();
		}
	}

	/**
	 * The DSR as the supervisor computes it, derived from the facts with this ruleset's
	 * method: never recorded, so a replay derives it again the same way.
	 */
	private Optional<SupervisoryDsr> supervisoryDsr(Collection<?> facts) {
		Affordability affordability = only(facts, Affordability.class);
		LoanRequest loan = only(facts, LoanRequest.class);
		if (affordability == null || loan == null) {
			return Optional.empty();
		}
		return Optional
			.of(SupervisoryDsr.of(this.policy.dsrMethod(), affordability, loan, only(facts, FinancialProfile.class)));
	}

	@Nullable
	private static <T> T only(Collection<?> facts, Class<T> type) {
		return facts.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
	}

	KieBase kieBase() {
		return this.kieBase;
	}

	public Policy policy() {
		return this.policy;
	}

	public String version() {
		return this.version;
	}

	public List<RuleFile> files() {
		return this.files;
	}

	public Optional<ReasonCode> reasonCode(String code) {
		return Optional.ofNullable(this.reasonCodes.get(code));
	}

	public Map<String, ReasonCode> reasonCodes() {
		return this.reasonCodes;
	}

	/** The rules as written: a looked-up decision table counts its rows. */
	public int ruleCount() {
		return this.kieBase.getKiePackages()
			.stream()
			.flatMap((kiePackage) -> kiePackage.getRules().stream())
			.mapToInt((rule) -> Integer
				.parseInt(rule.getMetaData().getOrDefault(DecisionTableLookup.TABLE_ROWS, "1").toString().strip()))
			.sum();
	}

	/**
	 * How the development sample spread over the scorecards' bins; empty for a ruleset
	 * without {@link DevelopmentSample#PATH} (hand-set scorecards, or a refit that left
	 * it out), which has no baseline to watch its population against.
	 */
	public Optional<DevelopmentSample> developmentSample() {
		return Optional.ofNullable(this.developmentSample);
	}

	/** Where the files were read from: a folder on disk or the packaged copy. */
	public String origin() {
		return this.origin;
	}

	public OffsetDateTime loadedAt() {
		return this.loadedAt;
	}

}
