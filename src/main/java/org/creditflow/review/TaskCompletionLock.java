package org.creditflow.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Completes a task under a lock on its row, so two officers completing one task at once,
 * on one node or two, never race inside the engine (where the loser could meet a half
 * deleted task and fail with a 500 or a misleading 403). The request runs in one
 * transaction that first locks the task ({@code select ... for update}); the engine's
 * command joins it. The second request waits for the first to commit, finds the task gone
 * and is told so (404). The answer is held back until the transaction has committed, so
 * no officer is told "done" for a decision that was rolled back.
 */
@Configuration(proxyBeanMethods = false)
class TaskCompletionLock {

	/** Where task completions arrive: the public REST API and Tasklist's own. */
	static final String[] TASK_APIS = { "/engine-rest/task/*", "/camunda/api/engine/*" };

	/** Completing a task, through Tasklist's own API or the public REST API. */
	static final Pattern COMPLETION = Pattern
		.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form)$");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> taskCompletionLockFilter(ProcessEngine engine,
			PlatformTransactionManager transactions, JdbcClient jdbc) {
		String table = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDatabaseTablePrefix() + "ACT_RU_TASK";
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new LockingFilter(new TransactionTemplate(transactions), jdbc, table));
		registration.addUrlPatterns(TASK_APIS);
		// after Spring Security: only signed-in users wait for a lock
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	static final class LockingFilter extends OncePerRequestFilter {

		private final TransactionTemplate transaction;

		private final JdbcClient jdbc;

		private final String lockSql;

		private final String existsSql;

		LockingFilter(TransactionTemplate transaction, JdbcClient jdbc, String taskTable) {
			this.transaction = transaction;
			this.jdbc = jdbc;
			this.lockSql = "select ID_ from " + taskTable + " where ID_ = :id for update";
			this.existsSql = "select count(*) from " + taskTable + " where ID_ = :id";
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher completion = COMPLETION.matcher(path(request));
			completion.matches();
			String taskId = completion.group(1);
			HeldResponse held = new HeldResponse(response);
			Exception[] failure = new Exception[1];
			Boolean found;
			try {
				found = this.transaction.execute((status) -> {
					List<String> task = this.jdbc.sql(this.lockSql).param("id", taskId).query(String.class).list();
					if (task.isEmpty()) {
						return false;
					}
					try {
						chain.doFilter(request, held);
					}
					catch (IOException | ServletException | RuntimeException ex) {
						failure[0] = ex;
					}
					if (failure[0] != null || status.isRollbackOnly() || held.getStatus() >= 400) {
						status.setRollbackOnly();
					}
					return true;
				});
			}
			catch (TransactionException | DataAccessException ex) {
				// the lock waited too long, or the commit failed
				held.resetBuffer();
				problem(response, HttpServletResponse.SC_CONFLICT,
						"The decision could not be saved, as the application changed at the same moment; reload and try again.");
				return;
			}
			// H2 may give the waiting request the row the first one deleted; the engine
			// then finds no task, and its REST layer answers 500 (Camunda's mapper),
			// sends
			// an error (Jersey, for an exception no mapper takes; held, see HeldResponse)
			// or hands the exception on: a task gone is the same news every way
			boolean failed = failure[0] != null || held.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
			if (!Boolean.TRUE.equals(found)
					|| (failed && this.jdbc.sql(this.existsSql).param("id", taskId).query(Long.class).single() == 0)) {
				if (failure[0] != null) {
					logger.warn("Completing task " + taskId + " failed after another request completed it", failure[0]);
				}
				held.resetBuffer();
				problem(response, HttpServletResponse.SC_NOT_FOUND,
						"Cannot find task: another user has just completed it, or the application moved on.");
				return;
			}
			if (failure[0] instanceof IOException io) {
				throw io;
			}
			if (failure[0] instanceof ServletException servlet) {
				throw servlet;
			}
			if (failure[0] instanceof RuntimeException unexpected) {
				throw unexpected;
			}
			held.passOn();
		}

	}

	/**
	 * The engine's answer, held until the lock's transaction has ended: its body, and an
	 * error it sent ({@code sendError}, as Jersey does for an exception no mapper takes),
	 * which would otherwise reach the client at once and leave the filter no say.
	 */
	static final class HeldResponse extends ContentCachingResponseWrapper {

		private Integer error;

		private String errorMessage;

		HeldResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, String message) {
			this.error = status;
			this.errorMessage = message;
			setStatus(status);
		}

		/** What the engine answered goes to the client as it was sent. */
		void passOn() throws IOException {
			if (this.error == null) {
				copyBodyToResponse();
				return;
			}
			resetBuffer();
			HttpServletResponse client = (HttpServletResponse) getResponse();
			if (this.errorMessage != null) {
				client.sendError(this.error, this.errorMessage);
			}
			else {
				client.sendError(this.error);
			}
		}

	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** Answers in the shape of Camunda's REST errors, whose message Tasklist shows. */
	static void problem(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"TaskCompletionException\",\"message\":\""
					+ new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}");
	}

}
