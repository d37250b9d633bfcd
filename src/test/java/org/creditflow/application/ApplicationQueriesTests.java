package org.creditflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * A client polling an undecided application costs the service one read of the
 * application; the decision and the status reason are read once the status is final.
 */
class ApplicationQueriesTests {

	private final LoanApplicationRepository applications = mock(LoanApplicationRepository.class);

	private final FinalDecisionRepository decisions = mock(FinalDecisionRepository.class);

	private final ContestRepository contests = mock(ContestRepository.class);

	private final ApplicationQueries queries = new ApplicationQueries(this.applications, this.decisions, this.contests,
			mock(CounterOffers.class), mock(LoanApplications.class));

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class,
			names = { "RECEIVED", "COLLECTING_DATA", "ASSESSING", "IN_REVIEW", "OFFERED" })
	void shouldReadNothingMoreWhileUndecided(ApplicationStatus status) {
		ApplicationView view = this.queries.view(application(status), Locale.ENGLISH);

		assertThat(view.status()).isEqualTo(status);
		assertThat(view.statusReason()).isNull();
		verifyNoInteractions(this.applications, this.decisions, this.contests);
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = { "WITHDRAWN", "EXPIRED" })
	void shouldReadTheStatusReasonOnceFinal(ApplicationStatus status) {
		when(this.applications.statusReason("a-1")).thenReturn("Withdrawn at the applicant's request (partner)");
		when(this.decisions.findByApplicationId("a-1")).thenReturn(Optional.empty());

		ApplicationView view = this.queries.view(application(status), Locale.ENGLISH);

		assertThat(view.statusReason()).isEqualTo("Withdrawn at the applicant's request (partner)");
		verify(this.decisions).findByApplicationId("a-1");
	}

	private static LoanApplication application(ApplicationStatus status) {
		OffsetDateTime at = OffsetDateTime.parse("2026-12-05T10:00:00+09:00");
		return new LoanApplication("a-1", status,
				new Applicant("부하시험", LocalDate.of(1988, 3, 15), "010-1000-0001", null, EmploymentType.SALARIED,
						52_000_000),
				new LoanRequest(LoanProduct.PERSONAL_CREDIT, 15_000_000, 36, LoanPurpose.LIVING),
				new Consent(true, true, at), "partner", at, at);
	}

}
