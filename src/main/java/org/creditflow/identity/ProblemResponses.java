package org.creditflow.identity;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers callers that are not signed in (401), not allowed (403) or blocked after too
 * many failed sign-ins (429) in the same {@code application/problem+json} shape as every
 * other API error, instead of redirecting them to a login page meant for browsers. Only
 * API clients get a Basic challenge ({@link BrowserRequests}); browsers are told to sign
 * in with the login form.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "creditflow";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (BrowserRequests.isFromBrowser(request)) {
			// a 401 names a scheme; this one no browser answers with a password dialog
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "FormLogin realm=\"" + REALM + "\"");
			write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Sign in on the login page: " + request.getContextPath() + "/login", request);
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Sign in: send a user and password with HTTP Basic authentication.", request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.", request);
	}

	void tooManyFailedSignIns(HttpServletRequest request, HttpServletResponse response, Duration blocked)
			throws IOException {
		long seconds = Math.max(1, blocked.toSeconds() + ((blocked.toNanosPart() > 0) ? 1 : 0));
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
				"Too many failed sign-ins from your address: try again in " + seconds + " seconds.", request);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
			HttpServletRequest request) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail.replace("\"", "") + "\",\"instance\":\""
					+ request.getRequestURI().replace("\"", "") + "\"}");
	}

}
