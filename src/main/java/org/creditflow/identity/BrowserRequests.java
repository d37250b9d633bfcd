package org.creditflow.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells a browser from an API client. Only API clients are ever asked for HTTP Basic
 * credentials: a browser asked shows its own password dialog, then sends that password
 * with every later request to this site by itself, forged cross-site ones included, and a
 * request without a session cookie is not checked for a CSRF token.
 */
final class BrowserRequests {

	private BrowserRequests() {
	}

	/**
	 * Browsers send {@code Sec-Fetch-*} headers (curl and HTTP libraries do not), ask for
	 * HTML when they open a page, and carry a session cookie once signed in.
	 */
	static boolean isFromBrowser(HttpServletRequest request) {
		return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
				|| request.getRequestedSessionId() != null || acceptsHtml(request);
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> !type.isWildcardType() && !type.isWildcardSubtype()
						&& MediaType.TEXT_HTML.isCompatibleWith(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
