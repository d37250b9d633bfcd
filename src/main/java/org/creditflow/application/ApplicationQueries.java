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

	private final ContestRepository contests;

	private final CounterOffers counterOffers;

	ApplicationQueries(LoanApplicationRepository applications, FinalDecisionRepository decisions,
			ContestRepository contests, CounterOffers counterOffers, LoanApplications loanApplications) {
		this.applications = applications;
		this.decisions = decisions;
		this.contests = contests;
		this.counterOffers = counterOffers;
		this.loanApplications = loanApplications;
	}

	LoanApplication visibleTo(String id, Authentication caller) {
		return this.loanApplications.visibleTo(id, caller);
	}

	/**
	 * Until its status is final an application has neither a decision nor a status reason
	 * (both are written with the final status), so a client polling for the decision
	 * costs one query, not three. The links between a contest and the decline it contests
	 * are shown from then on too.
	 */
	ApplicationView view(LoanApplication application, Locale locale) {
		if (!application.status().isFinal()) {
			return ApplicationView.of(application,
					this.counterOffers.of(application, application.updatedAt()).orElse(null), locale);
		}
		String id = application.id();
		return ApplicationView.of(application, this.applications.statusReason(id),
				this.decisions.findByApplicationId(id).orElse(null),
				this.contests.findByApplicationId(id).map(Contest::contestedApplicationId).orElse(null),
				this.contests.findByContestedApplicationId(id).map(Contest::applicationId).orElse(null), locale);
	}

	ApplicationPage page(@Nullable ApplicationStatus status, int page, int size, Locale locale) {
		return new ApplicationPage(this.applications.find(status, page, size)
			.stream()
			.map((application) -> view(application, locale))
			.toList(), this.applications.count(status), page, size);
	}

}
