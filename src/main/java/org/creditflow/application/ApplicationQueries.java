package org.creditflow.application;

import java.util.Locale;
import java.util.Set;

import org.creditflow.identity.Groups;
import org.creditflow.web.NotFoundException;

import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads applications for API callers. Staff see every application; a partner channel sees
 * only the applications it submitted, and anything else looks absent to it.
 */
@Service
@Transactional(readOnly = true)
class ApplicationQueries {

	/**
	 * The groups that work on every application rather than only on their own
	 * submissions.
	 */
	static final Set<String> STAFF = Set.of(Groups.LOAN_OFFICERS, Groups.SENIOR_OFFICERS, Groups.AUDITORS,
			Groups.ADMINS);

	private final LoanApplicationRepository applications;

	private final FinalDecisionRepository decisions;

	ApplicationQueries(LoanApplicationRepository applications, FinalDecisionRepository decisions) {
		this.applications = applications;
		this.decisions = decisions;
	}

	LoanApplication visibleTo(String id, Authentication caller) {
		return this.applications.findById(id)
			.filter((application) -> isStaff(caller) || application.submittedBy().equals(caller.getName()))
			.orElseThrow(() -> new NotFoundException("No application " + id));
	}

	ApplicationView view(LoanApplication application, Locale locale) {
		return ApplicationView.of(application, this.applications.statusReason(application.id()),
				this.decisions.findByApplicationId(application.id()).orElse(null), locale);
	}

	ApplicationPage page(@Nullable ApplicationStatus status, int page, int size, Locale locale) {
		return new ApplicationPage(this.applications.find(status, page, size)
			.stream()
			.map((application) -> view(application, locale))
			.toList(), this.applications.count(status), page, size);
	}

	static boolean isStaff(Authentication caller) {
		return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
	}

}
