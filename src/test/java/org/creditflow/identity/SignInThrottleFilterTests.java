package org.creditflow.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blocked address may not sign in, by HTTP Basic or the login form; everything else it
 * sends goes on.
 */
class SignInThrottleFilterTests {

	private static final String BLOCKED = "203.0.113.9";

	private final FailedSignInsByAddress failures = new FailedSignInsByAddress(
			new SignInProperties.PerAddress(1, Duration.ofMinutes(5), Duration.ofMinutes(15)), new SettableClock());

	private final SignInThrottleFilter filter = new SignInThrottleFilter(this.failures, new ProblemResponses());

	@Test
	void shouldRefuseBasicCredentialsAndTheLoginFormFromABlockedAddress() throws Exception {
		this.failures.recordFailure(BLOCKED);

		MockHttpServletResponse basic = run(request("GET", "/api/applications", "Basic cGFydG5lcjpndWVzcw=="));
		MockHttpServletResponse form = run(request("POST", "/login", null));

		assertThat(basic.getStatus()).isEqualTo(429);
		assertThat(basic.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
		assertThat(form.getStatus()).isEqualTo(429);
	}

	@Test
	void shouldLetABlockedAddressDoWhatSignsNobodyIn() throws Exception {
		this.failures.recordFailure(BLOCKED);

		assertThat(run(request("GET", "/login", null)).getStatus()).isEqualTo(200);
		assertThat(run(request("POST", "/mydata-simulator/telecom-profile", "Bearer simulator-token")).getStatus())
			.isEqualTo(200);
		assertThat(run(request("GET", "/api/applications", null)).getStatus()).as("on a session").isEqualTo(200);
	}

	private MockHttpServletRequest request(String method, String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr(BLOCKED);
		if (authorization != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
		}
		return request;
	}

	private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
