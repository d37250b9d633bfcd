package org.creditflow.web;

/**
 * A feature this node is not set up for, named with what would set it up (503).
 */
public class ServiceUnavailableException extends RuntimeException {

	public ServiceUnavailableException(String message) {
		super(message);
	}

}
