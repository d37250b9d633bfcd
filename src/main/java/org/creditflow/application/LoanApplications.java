package org.creditflow.application;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.creditflow.identity.Groups;
import org.creditflow.web.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of an application: the applicant, the request and the
 * consent their steps work on.
 */
@Service
@Transactional(readOnly = true)
public class LoanApplications {

	/**
	 * The groups that work on every application rather than only on their own
	 * submissions.
	 */
	static final Set<String> STAFF = Set.of(Groups.LOAN_OFFICERS, Groups.SENIOR_OFFICERS, Groups.AUDITORS,
			Groups.ADMINS);

	private final LoanApplicationRepository applications;

	private final InformationResponseRepository responses;

	private final FinalDecisionRepository decisions;

	private final ContestRepository contests;

	LoanApplications(LoanApplicationRepository applications, InformationResponseRepository responses,
			FinalDecisionRepository decisions, ContestRepository contests) {
		this.applications = applications;
		this.responses = responses;
		this.decisions = decisions;
		this.contests = contests;
	}

	public Optional<LoanApplication> find(String id) {
		return this.applications.findById(id);
	}

	/** The approved applications' decisions, oldest first, a page at a time. */
	public List<FinalDecision> approved(int offset, int limit) {
		return this.decisions.approved(offset, limit);
	}

	/** The applications an officer approved or declined, oldest first. */
	public List<FinalDecision> decidedByOfficers() {
		return this.decisions.decidedByOfficers();
	}

	/**
	 * How many applications ended in each outcome from (inclusive) to (exclusive) by when
	 * they were decided: the approval rate's figures.
	 */
	public Map<ApplicationStatus, Long> outcomesDecided(OffsetDateTime from, OffsetDateTime to) {
		return this.decisions.outcomes(from, to);
	}

	/** How the application ended; empty while it is not decided. */
	public Optional<FinalDecision> decision(String id) {
		return this.decisions.findByApplicationId(id);
	}

	/**
	 * The application as the caller may see it: staff see every application, a partner
	 * channel only those it submitted; anything else looks absent.
	 * @throws NotFoundException when there is no such application for this caller
	 */
	public LoanApplication visibleTo(String id, Authentication caller) {
		return find(id).filter((application) -> isStaff(caller) || application.submittedBy().equals(caller.getName()))
			.orElseThrow(() -> new NotFoundException("No application " + id));
	}

	static boolean isStaff(Authentication caller) {
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
	}

	/**
	 * Everyone who took part in the application on the applicant's side: who submitted it
	 * and who answered its requests for information. None of them may decide its review
	 * (separation of duties).
	 */
	public Set<String> applicantSide(String id) {
		Set<String> users = new LinkedHashSet<>();
		find(id).ifPresent((application) -> users.add(application.submittedBy()));
		users.addAll(this.responses.providers(id));
		return users;
	}

	/** The contest this application is, if it is one. */
	public Optional<Contest> contest(String id) {
		return this.contests.findByApplicationId(id);
	}

	/**
	 * The officers who decided the application a contest contests: none of them may
	 * decide the contest. Empty for an application that contests nothing, or a decline
	 * the rules took alone.
	 */
	public Set<String> formerDeciders(String id) {
		return contest(id).flatMap((contest) -> this.decisions.findByApplicationId(contest.contestedApplicationId()))
			.map(ContestIntake::deciders)
			.orElse(Set.of());
	}

	/**
	 * The application a process step works on; it exists, since intake stores it before
	 * the process starts.
	 */
	public LoanApplication get(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No loan application " + id));
	}

}
