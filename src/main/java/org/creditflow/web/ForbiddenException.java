package org.creditflow.web;

/**
 * The caller's role would allow the request, but not on this resource, for a reason the
 * answer names (403): e.g. approving a release one submitted oneself.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
