package org.creditflow.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The submitter of a release may not claim its approval, refused over HTTP with 403 and
 * the reason before the engine sees the claim (Tasklist's API and Camunda's REST API).
 * {@link ReleaseApprovalListener} refuses the same claim inside the engine, whatever the
 * door; but there the engine wraps the refusal, and Camunda's REST API would answer it
 * 500.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseClaimFilter {

	/**
	 * Claiming or assigning a task, through Tasklist's own API or the public REST API.
	 */
	static final Pattern CLAIM = Pattern
		.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:claim|assignee)$");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> submitterClaimFilter(TaskService tasks, ReleaseRepository releases) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new SubmitterClaimFilter(tasks, releases));
		registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
		// after sign-in
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 6);
		return registration;
	}

	static final class SubmitterClaimFilter extends OncePerRequestFilter {

		private final TaskService tasks;

		private final ReleaseRepository releases;

		SubmitterClaimFilter(TaskService tasks, ReleaseRepository releases) {
			this.tasks = tasks;
			this.releases = releases;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod()) || request.getRemoteUser() == null
					|| !CLAIM.matcher(path(request)).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher claim = CLAIM.matcher(path(request));
			claim.matches();
			Task task = this.tasks.createTaskQuery()
				.taskId(claim.group(1))
				.taskDefinitionKey(ReleaseProcess.APPROVAL_TASK)
				.singleResult();
			Optional<Release> release = (task != null)
					? this.releases.findByProcessInstance(task.getProcessInstanceId()) : Optional.empty();
			if (release.isPresent() && release.get().submittedBy().equals(request.getRemoteUser())) {
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
				response.setContentType("application/json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter()
					.write("{\"type\":\"AuthorizationException\",\"message\":\""
							+ new String(JsonStringEncoder.getInstance()
								.quoteAsString(ReleaseApprovalListener.SUBMITTER_MAY_NOT_CLAIM))
							+ "\"}");
				return;
			}
			chain.doFilter(request, response);
		}

		private static String path(HttpServletRequest request) {
			return request.getRequestURI().substring(request.getContextPath().length());
		}

	}

}
