package org.creditflow.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten failures within five minutes block an address for fifteen, as configured in
 * application.yml.
 */
class FailedSignInsByAddressTests {

	private final SettableClock clock = new SettableClock();

	private final FailedSignInsByAddress failures = new FailedSignInsByAddress(
			new SignInProperties.PerAddress(10, Duration.ofMinutes(5), Duration.ofMinutes(15)), this.clock);

	@Test
	void shouldBlockAnAddressAtItsTenthFailureWithinTheWindowAndOnlyThatAddress() {
		fail("203.0.113.5", 9);
		assertThat(this.failures.blockedFor("203.0.113.5")).isEmpty();

		fail("203.0.113.5", 1);

		assertThat(this.failures.blockedFor("203.0.113.5")).contains(Duration.ofMinutes(15));
		assertThat(this.failures.blockedFor("203.0.113.6")).isEmpty();
	}

	@Test
	void shouldLetTheAddressTryAgainWhenTheBlockIsOver() {
		fail("203.0.113.5", 10);

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.failures.blockedFor("203.0.113.5")).contains(Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.failures.blockedFor("203.0.113.5")).isEmpty();
	}

	@Test
	void shouldStartCountingAfreshOnceTheWindowHasPassed() {
		fail("203.0.113.5", 9);
		this.clock.advance(Duration.ofMinutes(5));

		fail("203.0.113.5", 9);

		assertThat(this.failures.blockedFor("203.0.113.5")).isEmpty();
	}

	@Test
	void shouldCountAnIpv6ClientByItsSlash64() {
		fail("2001:db8:1:2::1", 5);
		fail("2001:db8:1:2:ffff:ee:dd:cc", 5);

		assertThat(this.failures.blockedFor("2001:db8:1:2::99")).isPresent();
		assertThat(this.failures.blockedFor("2001:db8:1:3::1")).isEmpty();
	}

	private void fail(String address, int times) {
		for (int i = 0; i < times; i++) {
			this.failures.recordFailure(address);
		}
	}

}
