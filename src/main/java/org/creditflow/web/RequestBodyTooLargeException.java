package org.creditflow.web;

import java.io.IOException;

/**
 * A body sent in chunks to an upload door ({@link UploadLimit}) went on past its limit
 * while the handler was reading it (413).
 */
class RequestBodyTooLargeException extends IOException {

	RequestBodyTooLargeException(long limit) {
		super("The request body is larger than the " + limit + " bytes this door accepts.");
	}

}
