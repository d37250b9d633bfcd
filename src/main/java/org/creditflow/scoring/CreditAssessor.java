package org.creditflow.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.creditflow.mydata.DataSnapshot;
import org.creditflow.mydata.DataSource;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.MyDataProfiles;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Scoresheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assesses an application: gathers its facts from the application and its MyData
 * snapshots, runs the ruleset in service, and records the assessment together with the
 * facts it used and the ruleset version that made it.
 */
@Service
public class CreditAssessor {

	private static final Logger log = LoggerFactory.getLogger(CreditAssessor.class);

	private final LoanApplications applications;

	private final MyDataProfiles profiles;

	private final ActiveRuleset active;

	private final AssessmentRepository assessments;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final ApplicationEventPublisher events;

	private final Set<String> storedVersions = ConcurrentHashMap.newKeySet();

	CreditAssessor(LoanApplications applications, MyDataProfiles profiles, ActiveRuleset active,
			AssessmentRepository assessments, ObjectMapper json, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.events = events;
		this.applications = applications;
		this.profiles = profiles;
		this.active = active;
		this.assessments = assessments;
		this.json = json;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactionManager);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional
	@SuppressWarnings("unchecked")
	public Assessment assess(String applicationId) {
		LoanApplication application = this.applications.get(applicationId);
		int round = this.assessments.lastRound(applicationId) + 1;
		Optional<FinancialProfile> financial = this.profiles.financial(applicationId);
		Optional<TelecomProfile> telecom = this.profiles.telecom(applicationId);
		List<Object> facts = facts(application, financial, telecom);

		Ruleset ruleset = this.active.get();
		Scoresheet sheet = ruleset.evaluate(facts);
		Conclusion conclusion = Conclusion.of(sheet);
		if (conclusion.reachedNoBand()) {
			log.warn("Ruleset {} reached no band for application {}; referring it", ruleset.version(), applicationId);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Assessment assessment = new Assessment(UUID.randomUUID().toString(), applicationId, round, ruleset.version(),
				conclusion.band(), sheet.getScore(), pdPercent(sheet), sheet.getGrade(), sheet.getSegment(),
				conclusion.offerLimit(), conclusion.offerRate(), conclusion.reasons(), sheet.getFiredRules(), now);
		keepRulesetVersion(ruleset, now);
		Map<String, Object> recordedFacts = recordedFacts(facts, applicationId);
		this.assessments.insert(assessment, write(recordedFacts), write(result(assessment, sheet)));
		this.events
			.publishEvent(new AssessmentRecorded(assessment, (Map<String, Object>) recordedFacts.get("snapshots")));
		log.info("Application {} assessed: {} score {} grade {} (ruleset {})", applicationId, conclusion.band(),
				sheet.getScore(), sheet.getGrade(), ruleset.version().substring(0, 12));
		return assessment;
	}

	/**
	 * What the explanation is built from: the hits, the points, and how much each kind of
	 * data counted. A hand-set ruleset weighs its scorecards by segment; a fitted one
	 * adds the points, so each kind of data counted its share of them (and the PD is
	 * kept).
	 */
	private static Map<String, Object> result(Assessment assessment, Scoresheet sheet) {
		Map<String, Object> result = new LinkedHashMap<>(Map.of("assessment", assessment, "hits", sheet.getHits(),
				"financialPoints", sheet.getFinancialPoints(), "telecomPoints", sheet.getTelecomPoints(),
				"financialWeight", sheet.getFinancialWeight(), "telecomWeight", sheet.getTelecomWeight()));
		if (sheet.getPd() != null) {
			int points = Math.max(1, sheet.getFinancialPoints() + sheet.getTelecomPoints());
			int financialShare = (int) Math.round(100.0 * Math.max(0, sheet.getFinancialPoints()) / points);
			result.put("financialWeight", Math.min(100, financialShare));
			result.put("telecomWeight", (sheet.getTelecomPoints() > 0) ? 100 - Math.min(100, financialShare) : 0);
		}
		return result;
	}

	/** The PD in percent to two decimals, as the record and the officer see it. */
	@Nullable
	private static Double pdPercent(Scoresheet sheet) {
		return (sheet.getPd() != null) ? Math.round(sheet.getPd() * 100) / 100.0 : null;
	}

	private List<Object> facts(LoanApplication application, Optional<FinancialProfile> financial,
			Optional<TelecomProfile> telecom) {
		org.creditflow.application.Applicant applicant = application.applicant();
		return new AssessmentInput(applicant.ageOn(LocalDate.now(this.clock)), applicant.employmentType(),
				applicant.annualIncome(), application.loan().product(), application.loan().amount(),
				application.loan().termMonths(), application.loan().purpose(), application.consent().financialData(),
				financial.orElse(null), application.consent().telecomData(), telecom.orElse(null))
			.facts();
	}

	/**
	 * The facts by type, with the snapshots they came from, so that a replay can prove it
	 * used the same.
	 */
	private Map<String, Object> recordedFacts(List<Object> facts, String applicationId) {
		Map<String, Object> recorded = new LinkedHashMap<>();
		facts.forEach((fact) -> recorded.put(fact.getClass().getSimpleName(), fact));
		Map<String, Object> snapshots = new LinkedHashMap<>();
		for (DataSource source : DataSource.values()) {
			this.profiles.snapshot(applicationId, source)
				.ifPresent((snapshot) -> snapshots.put(source.name(), snapshotReference(snapshot)));
		}
		recorded.put("snapshots", snapshots);
		return recorded;
	}

	private static Map<String, Object> snapshotReference(DataSnapshot snapshot) {
		Map<String, Object> reference = new LinkedHashMap<>();
		reference.put("id", snapshot.id());
		reference.put("status", snapshot.status().name());
		reference.put("provider", snapshot.provider());
		reference.put("sha256", snapshot.payloadSha256());
		return reference;
	}

	/**
	 * Stores the ruleset's files the first time it decides, in a transaction of its own:
	 * a concurrent first use on another node then fails alone and changes nothing, as the
	 * content is the same.
	 */
	private void keepRulesetVersion(Ruleset ruleset, OffsetDateTime now) {
		if (this.storedVersions.contains(ruleset.version())) {
			return;
		}
		try {
			this.newTransaction.executeWithoutResult((status) -> {
				if (!this.assessments.hasRulesetVersion(ruleset.version())) {
					this.assessments.insertRulesetVersion(ruleset.version(), write(filesOf(ruleset)), now);
				}
			});
		}
		catch (DuplicateKeyException ex) {
			log.debug("Ruleset {} was stored by another node", ruleset.version());
		}
		this.storedVersions.add(ruleset.version());
	}

	private static Map<String, Map<String, String>> filesOf(Ruleset ruleset) {
		Map<String, Map<String, String>> files = new LinkedHashMap<>();
		for (RuleFile file : ruleset.files()) {
			files.put(file.path(),
					file.path().endsWith(".xlsx")
							? Map.of("encoding", "base64", "content",
									Base64.getEncoder().encodeToString(file.content()))
							: Map.of("encoding", "utf-8", "content", file.text()));
		}
		return files;
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
