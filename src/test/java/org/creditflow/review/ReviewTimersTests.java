package org.creditflow.review;

import java.time.Duration;

import org.creditflow.application.ContestKind;
import org.creditflow.application.LoanProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referred application escalates after the review SLA; an applicant's contest after the
 * contest deadline, whichever kind it is.
 */
class ReviewTimersTests {

	private final ReviewTimers timers = new ReviewTimers(
			new ReviewProperties(Duration.ofHours(8), Duration.ofDays(14), 30_000_000, Duration.ofDays(10)));

	@Test
	void shouldGiveAContestItsOwnDeadline() {
		assertThat(this.timers.sla(LoanProcess.NOT_CONTESTED)).isEqualTo("PT8H");
		assertThat(this.timers.sla(ContestKind.REASSESS.name())).isEqualTo("PT240H");
		assertThat(this.timers.sla(ContestKind.HUMAN_REVIEW.name())).isEqualTo("PT240H");
	}

}
