package org.creditflow.callback;

import jakarta.validation.constraints.NotBlank;

/**
 * A partner's callback registration.
 *
 * @param url where final statuses are sent: HTTPS, to a public address
 */
record CallbackRequest(@NotBlank String url) {
}
