package org.creditflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body above {@code creditflow.http.max-request-body} (64 KB by default, far
 * above any application, decision or rule request) reaches the service: it is answered
 * 413 before anyone signs in or anything parses it. A declared length is checked at once;
 * a body sent in chunks is read up to the limit and no further. Upload doors
 * ({@link UploadLimit} beans) have limits of their own: a declared length above it is
 * answered 413 at once too, and a body in chunks is counted while the handler streams it,
 * never buffered here.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimit {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
			@Value("${creditflow.http.max-request-body:64KB}") DataSize limit, ObjectProvider<UploadLimit> uploads) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new LimitFilter(limit.toBytes(), uploads.orderedStream().toList()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class LimitFilter extends OncePerRequestFilter {

		private final long limit;

		private final List<UploadLimit> uploads;

		LimitFilter(long limit, List<UploadLimit> uploads) {
			this.limit = limit;
			this.uploads = List.copyOf(uploads);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			UploadLimit upload = this.uploads.stream().filter((door) -> door.matches(request)).findFirst().orElse(null);
			long limit = (upload != null) ? upload.limit().toBytes() : this.limit;
			long declared = request.getContentLengthLong();
			if (declared > limit) {
				tooLarge(request, response, limit);
				return;
			}
			if (declared >= 0 || !hasBody(request)) {
				chain.doFilter(request, response);
				return;
			}
			if (upload != null) {
				chain.doFilter(new LimitedRequest(request, limit), response);
				return;
			}
			byte[] body = request.getInputStream().readNBytes((int) limit + 1);
			if (body.length > limit) {
				tooLarge(request, response, limit);
				return;
			}
			chain.doFilter(new BufferedRequest(request, body), response);
		}

		/** A body without a declared length comes in chunks. */
		private static boolean hasBody(HttpServletRequest request) {
			return request.getHeader("Transfer-Encoding") != null;
		}

		private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
				throws IOException {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setHeader("Connection", "close");
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
						+ "\"detail\":\"The request body is larger than the " + limit
						+ " bytes this service accepts.\",\"instance\":\""
						+ request.getRequestURI().replaceAll("[\"\\\\]", "") + "\"}");
		}

	}

}
