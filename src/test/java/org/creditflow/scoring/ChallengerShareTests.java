package org.creditflow.scoring;

import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A challenger decides its share of applications, within 3 percentage points over 2,000
 * applications, and always the same ones.
 */
class ChallengerShareTests {

	@ParameterizedTest
	@ValueSource(ints = { 1, 5, 10, 20, 50 })
	void shouldDecideItsShareWithinThreePointsOver2000Applications(int share) {
		// application ids as the intake makes them (random UUIDs), from a fixed seed so a
		// run that fails can be repeated
		Random random = new Random(share);
		long decided = IntStream.range(0, 2000)
			.mapToObj((i) -> new UUID(random.nextLong(), random.nextLong()).toString())
			.filter((id) -> ChallengerShare.decidedByChallenger(id, share))
			.count();

		assertThat(decided / 2000.0 * 100).isCloseTo(share, within(3.0));
	}

	@ParameterizedTest
	@ValueSource(ints = { 10, 50 })
	void shouldGiveAnApplicationTheSameRulesetEveryTime(int share) {
		IntStream.range(0, 200).mapToObj((i) -> UUID.randomUUID().toString()).forEach((id) -> {
			boolean first = ChallengerShare.decidedByChallenger(id, share);
			assertThat(ChallengerShare.decidedByChallenger(id, share)).isEqualTo(first);
			// a larger share keeps everyone a smaller one gave the challenger
			if (first) {
				assertThat(ChallengerShare.decidedByChallenger(id, share + 10)).isTrue();
			}
		});
	}

}
