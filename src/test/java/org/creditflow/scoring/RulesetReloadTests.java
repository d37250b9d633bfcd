package org.creditflow.scoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.creditflow.scoring.RulesetReloader.Attempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Putting edited rules into service while applications are being assessed: a broken file
 * or a failing scenario is refused with file and line, and the version in service keeps
 * deciding; a valid change replaces it in one step, and no assessment fails either way.
 */
class RulesetReloadTests {

	@TempDir
	Path temp;

	RulesFolder rules;

	ActiveRuleset active;

	RulesetReloader reloader;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger assessments = new AtomicInteger();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final Set<String> versionsThatDecided = ConcurrentHashMap.newKeySet();

	private final List<Thread> load = new java.util.ArrayList<>();

	@BeforeEach
	void startWithTheDefaultRules() {
		this.rules = RulesFolder.copyOfDefaultRules(this.temp.resolve("rules"));
		RuleFiles files = new RuleFiles(this.rules.root(), new PathMatchingResourcePatternResolver());
		RulesetValidator validator = new RulesetValidator(new RulesetCompiler(Clock.systemUTC()));
		this.active = new ActiveRuleset(files, validator);
		this.reloader = new RulesetReloader(files, validator, this.active, Clock.systemUTC());
	}

	@AfterEach
	void stopLoad() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.load) {
			thread.join();
		}
	}

	@Test
	void shouldRefuseASyntaxErrorAndKeepDecidingUnderLoad() {
		String before = this.active.get().version();
		startAssessing(4);
		this.rules.replace("credit/policy.drl", "Applicant( age < $minimumAge )", "Applicant( age < )");

		Attempt attempt = this.reloader.reload("test");

		assertThat(attempt.accepted()).isFalse();
		assertThat(attempt.problems())
			.anySatisfy((problem) -> assertThat(problem.toString()).startsWith("credit/policy.drl:"));
		assertThat(this.active.get().version()).isEqualTo(before);
		assertKeptAssessing();
		assertThat(this.versionsThatDecided).containsExactly(before);
	}

	@Test
	void shouldRefuseAChangeThatAScenarioContradicts() {
		String before = this.active.get().version();
		this.rules.replace("policy.properties", "age.minimum=19", "age.minimum=20");

		Attempt attempt = this.reloader.reload("test");

		assertThat(attempt.accepted()).isFalse();
		assertThat(attempt.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("tests/policy.yaml:")
				.contains("An applicant of 19 may borrow", "expected band APPROVE but was DECLINE"));
		assertThat(this.active.get().version()).isEqualTo(before);
	}

	@Test
	void shouldPutAValidChangeIntoServiceInOneStepUnderLoad() {
		String before = this.active.get().version();
		startAssessing(4);
		await().until(() -> this.assessments.get() > 100);
		this.rules.replace("policy.properties", "age.minimum=19", "age.minimum=20").replace("tests/policy.yaml", """
				- scenario: An applicant of 19 may borrow
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: APPROVE
				    notReasons: [AGE_UNDER_19]""", """
				- scenario: An applicant of 19 is now too young
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: DECLINE
				    firstReason: AGE_UNDER_19""");

		Attempt attempt = this.reloader.reload("test");
		int atSwap = this.assessments.get();
		await().until(() -> this.assessments.get() > atSwap + 100);

		assertThat(attempt.accepted()).isTrue();
		assertThat(attempt.changed()).isTrue();
		assertThat(this.active.get().version()).isEqualTo(attempt.version()).isNotEqualTo(before);
		assertThat(this.active.get().policy().minimumAge()).isEqualTo(20);
		assertKeptAssessing();
		assertThat(this.versionsThatDecided).containsExactlyInAnyOrder(before, attempt.version());
	}

	@Test
	void shouldSayWhenNothingChanged() {
		Attempt attempt = this.reloader.reload("test");

		assertThat(attempt.accepted()).isTrue();
		assertThat(attempt.changed()).isFalse();
		assertThat(this.reloader.lastAttempt()).contains(attempt);
	}

	@Test
	void shouldReloadWhenAFileInTheFolderChanges() {
		RulesFolderWatcher watcher = new RulesFolderWatcher(this.rules.root(), this.reloader);
		watcher.start();
		try {
			String before = this.active.get().version();
			this.rules.replace("reason-codes.csv", "Excellent credit bureau score.",
					"An excellent credit bureau score.");

			await().atMost(Duration.ofSeconds(20)).until(() -> !this.active.get().version().equals(before));
			assertThat(this.active.get().reasonCode("BUREAU_SCORE_EXCELLENT").orElseThrow().text())
				.isEqualTo("An excellent credit bureau score.");
		}
		finally {
			watcher.stop();
		}
	}

	private void startAssessing(int threads) {
		List<Object> facts = ScenarioRunner.facts(ScenarioRunner
			.merge(ScenarioFiles.parse(ScenarioFiles.fromFolder(this.rules.root()), new java.util.ArrayList<>())
				.standard(), java.util.Map.of()));
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(() -> {
				while (this.running.get()) {
					try {
						Ruleset ruleset = this.active.get();
						assertThat(ruleset.evaluate(facts).getBand()).isEqualTo("APPROVE");
						this.versionsThatDecided.add(ruleset.version());
						this.assessments.incrementAndGet();
					}
					catch (Throwable ex) {
						this.failure.compareAndSet(null, ex);
					}
				}
			});
			thread.start();
			this.load.add(thread);
		}
	}

	private void assertKeptAssessing() {
		int now = this.assessments.get();
		await().until(() -> this.assessments.get() > now + 50);
		assertThat(this.failure.get()).isNull();
	}

}
