package org.creditflow.web;

/**
 * No resource at that address for this caller (404).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
