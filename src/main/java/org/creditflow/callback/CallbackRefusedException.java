package org.creditflow.callback;

/**
 * A notification that could not be delivered: the URL may not be called, or the partner's
 * server did not accept it. The job fails and the engine retries it.
 */
class CallbackRefusedException extends RuntimeException {

	CallbackRefusedException(String message) {
		super(message);
	}

	CallbackRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
