package org.creditflow.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password proven a moment ago is recognised without another slow hash, for a minute
 * and for nothing else.
 */
class RecentSignInsTests {

	private static final String STORED = "{PBKDF2-SHA256}600000:abc";

	private final SettableClock clock = new SettableClock();

	private final RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(1), this.clock);

	@Test
	void shouldRecogniseTheSamePasswordForAMinute() {
		this.recent.remember("partner", "Secret-Pass-1", STORED);

		assertThat(this.recent.recognise("partner", "Secret-Pass-1", STORED)).isTrue();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.recent.recognise("partner", "Secret-Pass-1", STORED)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.recent.recognise("partner", "Secret-Pass-1", STORED)).isFalse();
	}

	@Test
	void shouldNeverRecogniseAnotherPasswordOrAnotherUser() {
		this.recent.remember("partner", "Secret-Pass-1", STORED);

		assertThat(this.recent.recognise("partner", "Secret-Pass-2", STORED)).isFalse();
		assertThat(this.recent.recognise("partner", "", STORED)).isFalse();
		assertThat(this.recent.recognise("officer", "Secret-Pass-1", STORED)).isFalse();
		// the user/password boundary is part of what is remembered
		assertThat(this.recent.recognise("partne", "rSecret-Pass-1", STORED)).isFalse();
	}

	@Test
	void shouldForgetWhenTheStoredHashChangesOrTheUserFails() {
		this.recent.remember("partner", "Secret-Pass-1", STORED);
		assertThat(this.recent.recognise("partner", "Secret-Pass-1", "{PBKDF2-SHA256}600000:new")).isFalse();

		this.recent.forget("partner");

		assertThat(this.recent.recognise("partner", "Secret-Pass-1", STORED)).isFalse();
	}

}
