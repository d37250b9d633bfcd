package org.creditflow.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every request to the audit API and pages by a signed-in user (who, what, when)
 * in {@code audit_read} and the log, before it is answered; a read that cannot be
 * recorded is not answered. Attempts by users without the right group are recorded too
 * (they are refused afterwards, by the controller's {@code @PreAuthorize}); requests
 * without credentials never get this far.
 */
@Configuration(proxyBeanMethods = false)
class AuditReadLog implements WebMvcConfigurer, HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditReadLog.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditReadLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/audit/**", "/audit", "/audit/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String user = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "anonymous";
		String what = request.getMethod() + " " + request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		what = (what.length() > 500) ? what.substring(0, 500) : what;
		this.jdbc.sql("insert into audit_read (id, read_by, request, read_at) values (:id, :user, :request, :at)")
			.param("id", UUID.randomUUID().toString())
			.param("user", user)
			.param("request", what)
			.param("at", OffsetDateTime.now(this.clock))
			.update();
		log.info("Audit read by {}: {}", user, what);
		return true;
	}

}
