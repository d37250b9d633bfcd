package org.creditflow.scoring;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A node never goes back to a ruleset the database no longer has in service: a scheduled
 * read still compiling what it saw cannot overwrite the switches that followed it (it did
 * once, and a test's application was assessed with the ruleset the test had just restored
 * away from).
 */
class RulesetSyncTests {

	@TempDir
	Path temp;

	@Test
	void shouldNotLetAStaleReadOverwriteTheSwitchesThatFollowedIt() throws InterruptedException {
		Ruleset original = RulesetCompiler
			.compileFolder(RulesFolder.copyOfDefaultRules(this.temp.resolve("original")).root());
		Ruleset stricter = RulesetCompiler.compileFolder(RulesFolder.copyOfDefaultRules(this.temp.resolve("stricter"))
			.replace("policy.properties", "band.approve.pd.max=4.0", "band.approve.pd.max=0.1")
			.root());
		AtomicReference<Ruleset> inDatabase = new AtomicReference<>(original);
		CountDownLatch compiling = new CountDownLatch(1);
		CountDownLatch compiled = new CountDownLatch(1);
		RulesetsInService database = mock(RulesetsInService.class);
		when(database.challenger()).thenReturn(Optional.empty());
		when(database.champion()).thenAnswer((call) -> Optional.of(new RulesetsInService.Row(RulesetRole.CHAMPION,
				inDatabase.get().version(), 100, null, "test", OffsetDateTime.now())));
		StoredRulesets stored = mock(StoredRulesets.class);
		when(stored.find(any())).thenAnswer((call) -> {
			if (Thread.currentThread().getName().equals("scheduled")) {
				// compiling a stored version takes seconds: the window of the race
				compiling.countDown();
				compiled.await();
			}
			return Optional.of(call.getArgument(0).equals(stricter.version()) ? stricter : original);
		});
		ActiveRuleset active = new ActiveRuleset(database, stored, mock(RulesetCandidate.class));
		RulesetSync sync = new RulesetSync(database, stored, active, mock(PlatformTransactionManager.class));

		// a test puts the stricter ruleset into service, and the scheduled read sees it
		inDatabase.set(stricter);
		Thread scheduled = new Thread(sync::refresh, "scheduled");
		scheduled.start();
		assertThat(compiling.await(10, TimeUnit.SECONDS)).isTrue();
		// ...while it compiles, the test switches to it and back to the original
		Thread test = new Thread(() -> {
			sync.refresh();
			inDatabase.set(original);
			sync.refresh();
		}, "test");
		test.start();
		test.join(500);
		compiled.countDown();
		scheduled.join();
		test.join();

		assertThat(active.get().version()).isEqualTo(original.version());
	}

}
