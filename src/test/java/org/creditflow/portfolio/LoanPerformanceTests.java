package org.creditflow.portfolio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.creditflow.application.ApplicationStatus;
import org.creditflow.application.FinalDecision;
import org.creditflow.application.LoanApplication;
import org.creditflow.application.LoanApplications;
import org.creditflow.scoring.CreditAssessments;
import org.creditflow.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Outside the demo, servicing reports months up to the current one: a month after it is
 * refused before anything is stored.
 */
class LoanPerformanceTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	@Test
	void shouldRefuseAMonthAfterTheCurrentOneOutsideTheDemo() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), SEOUL);
		LoanApplications applications = mock(LoanApplications.class);
		when(applications.find(anyString())).thenReturn(Optional.of(mock(LoanApplication.class)));
		when(applications.decision(anyString())).thenReturn(Optional
			.of(new FinalDecision("loan", ApplicationStatus.APPROVED, 700, "A", 10_000_000L, null, List.of(), "v1",
					FinalDecision.RULES, null, null, OffsetDateTime.parse("2026-11-20T10:00:00+09:00"))));
		PerformanceRepository repository = mock(PerformanceRepository.class);
		PortfolioProperties properties = new PortfolioProperties(new PortfolioProperties.Bad(90, 12), false, 100,
				new PortfolioProperties.Calibration(0.01, 30),
				new PortfolioProperties.Stability(0.10, 0.25, 200, 12, Duration.ofMinutes(5)));
		LoanPerformance performance = new LoanPerformance(repository, applications, mock(CreditAssessments.class),
				properties, clock, mock(PlatformTransactionManager.class));

		assertThatThrownBy(() -> performance.report("loan",
				new PerformanceReport("2027-01", 0, LoanStatus.CURRENT, 9_000_000L), "servicer"))
			.isInstanceOfSatisfying(InvalidRequestException.class, (ex) -> assertThat(ex.problems()).singleElement()
				.satisfies(
						(problem) -> assertThat(problem.message()).isEqualTo("is after the current month (2026-12)")));
		verifyNoInteractions(repository);
	}

}
