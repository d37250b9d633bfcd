package org.creditflow.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * A door that takes a body above the service-wide limit
 * ({@code creditflow.http.max-request-body}): a request of this method, path and content
 * type may send up to {@code limit}, which its handler streams to where it belongs
 * instead of holding it in memory. The module that owns the door declares it as a bean;
 * every other request keeps the service-wide limit.
 */
public record UploadLimit(HttpMethod method, String path, MediaType contentType, DataSize limit) {

	boolean matches(HttpServletRequest request) {
		if (!this.method.matches(request.getMethod()) || request.getContentType() == null
				|| !this.path.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return false;
		}
		try {
			return this.contentType.equalsTypeAndSubtype(MediaType.parseMediaType(request.getContentType()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
