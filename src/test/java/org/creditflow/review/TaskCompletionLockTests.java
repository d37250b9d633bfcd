package org.creditflow.review;

import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the completion lock tells an officer when the engine fails, whatever way its REST
 * layer reports the failure: a task another request completed meanwhile is a 404 with the
 * reason; any other failure reaches the client as the engine sent it.
 */
class TaskCompletionLockTests {

	private static final String TASK = "task-1";

	private static final String LOCK = "select ID_ from ACT_RU_TASK where ID_ = :id for update";

	private static final String EXISTS = "select count(*) from ACT_RU_TASK where ID_ = :id";

	@Test
	void shouldTellTheLoserTheTaskIsGoneWhenTheEngineSentAnErrorForIt() throws Exception {
		// as Jersey does for an exception no mapper takes: sendError, not setStatus
		MockHttpServletResponse client = complete(tasksLeft(0),
				(request, response) -> ((HttpServletResponse) response).sendError(500));

		assertThat(client.getStatus()).isEqualTo(404);
		assertThat(client.getContentAsString()).contains("another user has just completed it");
	}

	@Test
	void shouldPassOnAnErrorTheEngineSentWhenTheTaskIsStillThere() throws Exception {
		MockHttpServletResponse client = complete(tasksLeft(1),
				(request, response) -> ((HttpServletResponse) response).sendError(500, "engine failure"));

		assertThat(client.getStatus()).isEqualTo(500);
		assertThat(client.getErrorMessage()).isEqualTo("engine failure");
	}

	@Test
	void shouldPassOnTheEnginesAnswerOnceCommitted() throws Exception {
		MockHttpServletResponse client = complete(tasksLeft(0), (request, response) -> {
			((HttpServletResponse) response).setStatus(204);
		});

		assertThat(client.getStatus()).isEqualTo(204);
	}

	private static MockHttpServletResponse complete(JdbcClient jdbc, FilterChain engine) throws Exception {
		PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
		when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
		TaskCompletionLock.LockingFilter filter = new TaskCompletionLock.LockingFilter(
				new TransactionTemplate(transactions), jdbc, "ACT_RU_TASK");
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/" + TASK + "/complete");
		MockHttpServletResponse client = new MockHttpServletResponse();
		filter.doFilter(request, client, engine);
		return client;
	}

	/** The task was there to lock; afterwards {@code count} of it is left. */
	private static JdbcClient tasksLeft(long count) {
		JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
		when(jdbc.sql(LOCK).param("id", TASK).query(String.class).list()).thenReturn(List.of(TASK));
		when(jdbc.sql(EXISTS).param("id", TASK).query(Long.class).single()).thenReturn(count);
		return jdbc;
	}

}
