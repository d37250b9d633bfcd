package org.creditflow.application;

import java.util.Locale;

import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads applications for API callers, as each caller may see them (see
 * {@link LoanApplications#visibleTo}).
 */
@Service
@Transactional(readOnly = true)
class ApplicationQueries {

	private final LoanApplicationRepository applications;

	private final FinalDecisionRepository decisions;

	private final LoanApplications loanApplications;

	ApplicationQueries(LoanApplicationRepository applications, FinalDecisionRepository decisions,
			LoanApplications loanApplications) {
		this.applications = applications;
		this.decisions = decisions;
		this.loanApplications = loanApplications;
	}

	LoanApplication visibleTo(String id, Authentication caller) {
		return this.loanApplications.visibleTo(id, caller);
	}

	/**
	 * Until its status is final an application has neither a decision nor a status reason
	 * (both are written with the final status), so a client polling for the decision
	 * costs one query, not three.
	 */
	ApplicationView view(LoanApplication application, Locale locale) {
		if (!application.status().isFinal()) {
			return ApplicationView.of(application, null, null, locale);
		}
		return ApplicationView.of(application, this.applications.statusReason(application.id()),
				this.decisions.findByApplicationId(application.id()).orElse(null), locale);
	}

	ApplicationPage page(@Nullable ApplicationStatus status, int page, int size, Locale locale) {
		return new ApplicationPage(this.applications.find(status, page, size)
			.stream()
			.map((application) -> view(application, locale))
			.toList(), this.applications.count(status), page, size);
	}

}
