package org.creditflow.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An API client firing many requests at once when its remembered password has run out
 * pays for one slow password check, not one per request; a wrong password still fails
 * every time.
 */
class CamundaIdentityAuthenticationProviderTests {

	private static final String STORED = "{PBKDF2-SHA256}600000:abc";

	private final IdentityService identity = mock(IdentityService.class, Answers.RETURNS_DEEP_STUBS);

	private final StoredPasswords passwords = mock(StoredPasswords.class);

	private final AtomicInteger slowChecks = new AtomicInteger();

	private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(
			this.identity, this.passwords, new RecentSignIns(Duration.ofMinutes(1), new SettableClock()));

	CamundaIdentityAuthenticationProviderTests() {
		when(this.passwords.hashOf("partner")).thenReturn(Optional.of(STORED));
		when(this.passwords.upgradeIfOutdated(anyString(), anyString())).thenReturn(Optional.of(STORED));
		when(this.identity.createGroupQuery().groupMember("partner").list()).thenReturn(List.of());
		when(this.identity.checkPassword(anyString(), anyString())).thenAnswer((invocation) -> {
			this.slowChecks.incrementAndGet();
			// as long as PBKDF2 takes on a loaded machine, so that the others arrive
			// meanwhile
			Thread.sleep(300);
			return "Secret-Pass-1".equals(invocation.getArgument(1));
		});
	}

	@Test
	void shouldCheckThePasswordOnceForConcurrentSignInsOfOneClient() throws Exception {
		List<Future<Authentication>> signIns = concurrently(8, () -> signIn("Secret-Pass-1"));

		for (Future<Authentication> signIn : signIns) {
			assertThat(signIn.get().isAuthenticated()).isTrue();
		}
		assertThat(this.slowChecks).hasValue(1);
	}

	@Test
	void shouldCheckEveryWrongPassword() throws Exception {
		List<Future<Authentication>> signIns = concurrently(3, () -> signIn("wrong"));

		for (Future<Authentication> signIn : signIns) {
			assertThatThrownBy(signIn::get).hasCauseInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.slowChecks).hasValue(3);
	}

	private Authentication signIn(String password) {
		return this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("partner", password));
	}

	private static <T> List<Future<T>> concurrently(int count, Callable<T> task) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = IntStream.range(0, count).mapToObj((i) -> pool.submit(() -> {
			start.await();
			return task.call();
		})).toList();
		start.countDown();
		pool.shutdown();
		return futures;
	}

}
