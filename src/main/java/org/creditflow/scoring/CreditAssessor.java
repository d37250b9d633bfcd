package org.creditflow.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses an application: gathers its facts from the application and its MyData
 * snapshots, runs the ruleset in service that decides it (the champion, or a challenger
 * for its share of applications), and records the assessment together with the facts it
 * used and the ruleset version and role that made it.
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

	private final StoredRulesets stored;

	private final ApplicationEventPublisher events;

	CreditAssessor(LoanApplications applications, MyDataProfiles profiles, ActiveRuleset active,
			AssessmentRepository assessments, StoredRulesets stored, ObjectMapper json, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.stored = stored;
		this.applications = applications;
		this.profiles = profiles;
		this.active = active;
		this.assessments = assessments;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	@SuppressWarnings("unchecked")
	public Assessment assess(String applicationId) {
		LoanApplication application = this.applications.get(applicationId);
		int round = this.assessments.lastRound(applicationId) + 1;
		Optional<FinancialProfile> financial = this.profiles.financial(applicationId);
		Optional<TelecomProfile> telecom = this.profiles.telecom(applicationId);
		List<Object> facts = facts(application, financial, telecom);

		InService.Chosen chosen = this.active.inService().forApplication(applicationId);
		Ruleset ruleset = chosen.ruleset();
		Scoresheet sheet = ruleset.evaluate(facts);
		Conclusion conclusion = Conclusion.of(sheet);
		if (conclusion.reachedNoBand()) {
			log.warn("Ruleset {} reached no band for application {}; referring it", ruleset.version(), applicationId);
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Assessment assessment = new Assessment(UUID.randomUUID().toString(), applicationId, round, ruleset.version(),
				chosen.role(), conclusion.band(), sheet.getScore(), pdPercent(sheet), sheet.getGrade(),
				sheet.getSegment(), conclusion.offerLimit(), conclusion.offerRate(), conclusion.reasons(),
				sheet.getFiredRules(), now);
		this.stored.keep(ruleset);
		Map<String, Object> recordedFacts = recordedFacts(facts, applicationId);
		this.assessments.insert(assessment, write(recordedFacts), write(result(assessment, sheet)));
		this.events
			.publishEvent(new AssessmentRecorded(assessment, (Map<String, Object>) recordedFacts.get("snapshots")));
		log.info("Application {} assessed: {} score {} grade {} (ruleset {}, {})", applicationId, conclusion.band(),
				sheet.getScore(), sheet.getGrade(), ruleset.version().substring(0, 12), chosen.role());
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

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
