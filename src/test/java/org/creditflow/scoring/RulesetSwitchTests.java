package org.creditflow.scoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The rules folder is a candidate: a broken file or a failing scenario shows as problems
 * with file and line, a valid change shows as valid, and neither changes what decides.
 * What decides changes only by a switch to the rulesets in service, in one step, while
 * applications are being assessed, none of which fails.
 */
class RulesetSwitchTests {

	@TempDir
	Path temp;

	RulesFolder rules;

	RulesetCandidate candidate;

	ActiveRuleset active;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger assessments = new AtomicInteger();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final Set<String> versionsThatDecided = ConcurrentHashMap.newKeySet();

	private final List<Thread> load = new ArrayList<>();

	@BeforeEach
	void startWithTheDefaultRules() {
		this.rules = RulesFolder.copyOfDefaultRules(this.temp.resolve("rules"));
		RuleFiles files = new RuleFiles(this.rules.root(), new PathMatchingResourcePatternResolver());
		this.candidate = new RulesetCandidate(files, new RulesetValidator(new RulesetCompiler(Clock.systemUTC())),
				Clock.systemUTC());
		// a new database: nothing in service yet, so the folder's ruleset is the first
		RulesetsInService database = mock(RulesetsInService.class);
		when(database.champion()).thenReturn(Optional.empty());
		this.active = new ActiveRuleset(database, mock(StoredRulesets.class), this.candidate);
	}

	@AfterEach
	void stopLoad() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.load) {
			thread.join();
		}
	}

	@Test
	void shouldShowASyntaxErrorInTheCandidateAndKeepDecidingUnderLoad() {
		String before = this.active.get().version();
		startAssessing(4);
		this.rules.replace("credit/policy.drl", "Applicant( age < $minimumAge )", "Applicant( age < )");

		RulesetValidation validation = this.candidate.validation();

		assertThat(validation.valid()).isFalse();
		assertThat(validation.version()).isNotEqualTo(before);
		assertThat(validation.problems())
			.anySatisfy((problem) -> assertThat(problem.toString()).startsWith("credit/policy.drl:"));
		assertThat(this.active.get().version()).isEqualTo(before);
		assertKeptAssessing();
		assertThat(this.versionsThatDecided).containsExactly(before);
	}

	@Test
	void shouldShowTheScenarioAChangeContradictsWithEachScenariosResult() {
		this.rules.replace("policy.properties", "age.minimum=19", "age.minimum=20");

		RulesetValidation validation = this.candidate.validation();

		assertThat(validation.valid()).isFalse();
		assertThat(validation.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("tests/policy.yaml:")
				.contains("An applicant of 19 may borrow", "expected band APPROVE but was DECLINE"));
		assertThat(validation.results()).hasSize(validation.scenarios())
			.filteredOn((result) -> !result.passed())
			.singleElement()
			.satisfies((result) -> {
				assertThat(result.name()).isEqualTo("An applicant of 19 may borrow");
				assertThat(result.file()).isEqualTo("tests/policy.yaml");
				assertThat(result.line()).isPositive();
			});
	}

	@Test
	void shouldValidateAValidChangeWithoutPuttingItIntoService() {
		String before = this.active.get().version();
		makeTheMinimumAge20();

		RulesetValidation validation = this.candidate.validation();

		assertThat(validation.valid()).isTrue();
		assertThat(validation.version()).isNotEqualTo(before);
		assertThat(this.active.get().version()).isEqualTo(before);
	}

	@Test
	void shouldSwitchInOneStepUnderLoad() {
		String before = this.active.get().version();
		startAssessing(4);
		await().until(() -> this.assessments.get() > 100);
		makeTheMinimumAge20();
		Ruleset next = this.candidate.validation().ruleset();

		this.active.use(InService.championOnly(next));
		int atSwap = this.assessments.get();
		await().until(() -> this.assessments.get() > atSwap + 100);

		assertThat(this.active.get().version()).isEqualTo(next.version()).isNotEqualTo(before);
		assertThat(this.active.get().policy().minimumAge()).isEqualTo(20);
		assertKeptAssessing();
		assertThat(this.versionsThatDecided).containsExactlyInAnyOrder(before, next.version());
	}

	@Test
	void shouldValidateTheCandidateWhenAFileInTheFolderChangesAndNeverPutItIntoService() {
		@SuppressWarnings("unchecked")
		ObjectProvider<DevelopmentActivation> noAutoActivation = mock(ObjectProvider.class);
		RulesFolderWatcher watcher = new RulesFolderWatcher(this.rules.root(), this.candidate, noAutoActivation);
		String before = this.active.get().version();
		RulesetValidation first = this.candidate.validation();
		watcher.start();
		try {
			this.rules.replace("reason-codes.csv", "Excellent credit bureau score.",
					"An excellent credit bureau score.");

			await().atMost(Duration.ofSeconds(20))
				.until(() -> !this.candidate.validation().version().equals(first.version()));
			assertThat(this.candidate.validation().valid()).isTrue();
			assertThat(this.active.get().version()).isEqualTo(before);
		}
		finally {
			watcher.stop();
		}
	}

	private void makeTheMinimumAge20() {
		this.rules.replace("policy.properties", "age.minimum=19", "age.minimum=20").replace("tests/policy.yaml", """
				- scenario: An applicant of 19 may borrow
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: APPROVE
				    notReasons: [AGE_BELOW_MINIMUM]""", """
				- scenario: An applicant of 19 is now too young
				  given:
				    applicant: { age: 19 }
				  expect:
				    band: DECLINE
				    firstReason: AGE_BELOW_MINIMUM""");
	}

	private void startAssessing(int threads) {
		List<Object> facts = ScenarioRunner.facts(ScenarioRunner.merge(
				ScenarioFiles.parse(ScenarioFiles.fromFolder(this.rules.root()), new ArrayList<>()).standard(),
				Map.of()));
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(() -> {
				while (this.running.get()) {
					try {
						Ruleset ruleset = this.active.inService().forApplication("any").ruleset();
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
