package org.creditflow.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that signs in (HTTP Basic, or the login form) from an address with
 * too many recent failed sign-ins, with 429 and {@code Retry-After}, before its password
 * is checked: a blocked guesser costs no slow hash and cannot lock the account again.
 * Requests riding on a signed-in session pass.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

	private final FailedSignInsByAddress failures;

	private final ProblemResponses problems;

	SignInThrottleFilter(FailedSignInsByAddress failures, ProblemResponses problems) {
		this.failures = failures;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (bringsCredentials(request)) {
			Optional<Duration> blocked = this.failures.blockedFor(request.getRemoteAddr());
			if (blocked.isPresent()) {
				this.problems.tooManyFailedSignIns(request, response, blocked.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * A sign-in: HTTP Basic or the login form. Other schemes sign nobody in here (the
	 * MyData simulator checks its own bearer token), so they are not held up.
	 */
	private static boolean bringsCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
				|| ("POST".equals(request.getMethod())
						&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

}
