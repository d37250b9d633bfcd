package org.creditflow.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.creditflow.web.ConflictException;
import org.creditflow.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in an applicant's contest of a declined application (Credit Information Act art.
 * 36-2, PIPA art. 37-2): a new application for the same loan, with the applicant's
 * corrections and a fresh MyData consent, stored with the contest and its process started
 * in one transaction. It is assessed again from fresh data; unless the rules now approve
 * and the applicant asked for no person, an officer who did not decide the contested
 * application decides it.
 */
@Service
class ContestIntake {

	private static final Logger log = LoggerFactory.getLogger(ContestIntake.class);

	private final LoanApplicationRepository applications;

	private final FinalDecisionRepository decisions;

	private final ContestRepository contests;

	private final ApplicationIntake intake;

	private final IntakeProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ContestIntake(LoanApplicationRepository applications, FinalDecisionRepository decisions, ContestRepository contests,
			ApplicationIntake intake, IntakeProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.applications = applications;
		this.decisions = decisions;
		this.contests = contests;
		this.intake = intake;
		this.properties = properties;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * @return the contest's own application, received
	 * @throws ConflictException when the application is not declined, is past the contest
	 * window, was contested already or is itself a contest
	 */
	LoanApplication contest(LoanApplication contested, ContestRequest request, String user) {
		if (!request.consent().financialData()) {
			throw new UnprocessableException("consent.financialData",
					"consent to read financial data is required: the contest is assessed on fresh data");
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		FinalDecision decision = contestable(contested, now);
		LoanApplication application = new LoanApplication(UUID.randomUUID().toString(), ApplicationStatus.RECEIVED,
				request.correct(contested.applicant()), contested.loan(), new Consent(request.consent().financialData(),
						request.consent().telecomData(), request.consent().grantedAt()),
				user, now, now);
		Contest contest = new Contest(application.id(), contested.id(), request.kind(), request.statement().strip(),
				user, now);
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.applications.insert(application);
				this.contests.insert(contest);
				this.intake.startProcess(application, request.kind());
				this.events.publishEvent(new ApplicationContested(contest, corrected(request), deciders(decision)));
			});
		}
		catch (DuplicateKeyException ex) {
			throw alreadyContested(contested.id());
		}
		log.info("Application {} contested by {} ({}): application {}", contested.id(), user, request.kind(),
				application.id());
		return application;
	}

	private FinalDecision contestable(LoanApplication contested, OffsetDateTime now) {
		String id = contested.id();
		if (contested.status() != ApplicationStatus.DECLINED) {
			throw new ConflictException("Application " + id + " is " + contested.status()
					+ ": only a declined application can be contested.");
		}
		if (this.contests.findByApplicationId(id).isPresent()) {
			throw new ConflictException("Application " + id
					+ " is itself a contest, assessed again and decided by an officer: it cannot be contested again.");
		}
		if (this.contests.findByContestedApplicationId(id).isPresent()) {
			throw alreadyContested(id);
		}
		FinalDecision decision = this.decisions.findByApplicationId(id)
			.orElseThrow(() -> new IllegalStateException("Declined application " + id + " has no decision"));
		OffsetDateTime closes = decision.decidedAt().plus(this.properties.contestWindow());
		if (now.isAfter(closes)) {
			throw new ConflictException("Application " + id + " was declined at " + decision.decidedAt()
					+ "; a decision can be contested for " + this.properties.contestWindow().toDays()
					+ " days (creditflow.intake.contest-window), until " + closes + ".");
		}
		return decision;
	}

	private ConflictException alreadyContested(String id) {
		String contest = this.contests.findByContestedApplicationId(id).map(Contest::applicationId).orElse("?");
		return new ConflictException(
				"Application " + id + " was contested already: its contest is application " + contest + ".");
	}

	private static Set<String> corrected(ContestRequest request) {
		Set<String> corrected = new LinkedHashSet<>();
		if (request.annualIncome() != null) {
			corrected.add("annualIncome");
		}
		if (request.employmentType() != null) {
			corrected.add("employmentType");
		}
		return corrected;
	}

	/** The officers who decided: the rules are no person, and may assess again. */
	static Set<String> deciders(FinalDecision decision) {
		Set<String> deciders = new LinkedHashSet<>();
		if (!FinalDecision.RULES.equals(decision.decidedBy())) {
			deciders.add(decision.decidedBy());
		}
		if (decision.secondApprover() != null) {
			deciders.add(decision.secondApprover());
		}
		return deciders;
	}

}
