package org.creditflow.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One sign-in for every door. Spring Security guards everything but health and info: API
 * clients sign in with HTTP Basic, people with the login form, and Tasklist, Cockpit and
 * {@code /engine-rest} trust the signed-in user (container-based authentication), so
 * Camunda's own authorizations then apply to them.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String WEBAPP = "/camunda";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Tasklist's and Cockpit's log-out button; it must end the Spring session as well.
	 */
	private static final String WEBAPP_LOGOUT = WEBAPP + "/api/admin/auth/user/{engine}/logout";

	/**
	 * Camunda's own doors to creating the first administrator and to checking passwords.
	 * The first administrator comes from the command line ({@link CreateAdminCommand}),
	 * and every password is checked by this configuration, with its limits per address;
	 * through these, any signed-in user could make an empty database's first
	 * administrator, or guess other users' passwords.
	 */
	private static final String[] CAMUNDA_SIGN_IN_DOORS = { WEBAPP + "/api/admin/setup/**",
			WEBAPP + "/api/admin/auth/user/{engine}/login/**", "/engine-rest/identity/verify" };

	/**
	 * All that a MyData worker may reach: locking MyData tasks (and extending a lock) in
	 * the engine, and the service's worker API. Its account is confined to these, so the
	 * engine permissions fetchAndLock needs open nothing else to it.
	 */
	private static final String[] WORKER_DOORS = { "/engine-rest/external-task/fetchAndLock",
			"/engine-rest/external-task/{id}/extendLock", "/engine-rest/engine/{engine}/external-task/fetchAndLock",
			"/engine-rest/engine/{engine}/external-task/{id}/extendLock", "/api/mydata-work/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FailedSignInsByAddress failedSignIns) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		RequestMatcher camundaSignInDoors = new OrRequestMatcher(Arrays.stream(CAMUNDA_SIGN_IN_DOORS)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
		RequestMatcher machineClients = new OrRequestMatcher(
				PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
				(request) -> request.getHeader("Authorization") != null);
		// only a browser is sent back to the page it asked for after signing in; API
		// calls start no session
		HttpSessionRequestCache browserRequests = new HttpSessionRequestCache();
		MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		browserRequests.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), pages,
						new NegatedRequestMatcher(machineClients)));
		RequestMatcher webappLogout = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, WEBAPP_LOGOUT);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(camundaSignInDoors)
			.denyAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/login", "/error",
					"/favicon.ico")
			.permitAll()
			.requestMatchers(HttpMethod.POST, WORKER_DOORS)
			.hasAuthority(Groups.MYDATA_WORKERS)
			.requestMatchers("/actuator/**")
			.hasAuthority(Groups.ADMINS)
			// the auditors' pages; their API says the same with @PreAuthorize
			.requestMatchers("/audit", "/audit/**")
			.hasAnyAuthority(Groups.AUDITORS, Groups.ADMINS)
			// the risk team's pages; the rulesets and releases API say the same with
			// @PreAuthorize
			.requestMatchers("/risk", "/risk/**")
			.hasAnyAuthority(Groups.RISK_ANALYSTS, Groups.RISK_MANAGERS, Groups.ADMINS)
			.anyRequest()
			.access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
					AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Groups.MYDATA_WORKERS)))))
			.addFilterBefore(new SignInThrottleFilter(failedSignIns, problems),
					UsernamePasswordAuthenticationFilter.class)
			.httpBasic((basic) -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
			.formLogin(Customizer.withDefaults())
			.requestCache((cache) -> cache.requestCache(browserRequests))
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"), webappLogout))
				.defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(), webappLogout))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, machineClients)
				.defaultAccessDeniedHandlerFor(problems, new OrRequestMatcher(machineClients, camundaSignInDoors)))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::mayBeForged));
		return http.build();
	}

	/**
	 * A forged request rides on a browser's session cookie, whatever other headers it
	 * carries. Requests without one (API clients sending their credentials) cannot be
	 * forged: browsers are never asked for Basic credentials ({@link BrowserRequests}),
	 * so they never send them by themselves. The Camunda webapps carry their own CSRF
	 * protection.
	 */
	static boolean mayBeForged(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && request.getRequestedSessionId() != null
				&& !request.getRequestURI().startsWith(request.getContextPath() + WEBAPP + "/");
	}

	/** Tasklist, Cockpit and Admin take the user Spring Security signed in. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("Container Based Authentication Filter");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				ContainerBasedAuthenticationProvider.class.getName()));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns(WEBAPP + "/app/*", WEBAPP + "/api/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** The REST API runs as the signed-in user, so Camunda authorizations apply to it. */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("Engine REST Authentication Filter");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				ContainerBasedAuthenticationProvider.class.getName()));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

}
