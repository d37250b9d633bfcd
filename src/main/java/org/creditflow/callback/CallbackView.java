package org.creditflow.callback;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.lang.Nullable;

/**
 * A partner's callback as the API shows it.
 *
 * @param secret the signing secret: only in the answer that made it (registration or
 * rotation), never again; the partner keeps it to check {@code X-Creditflow-Signature}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CallbackView(String url, OffsetDateTime registeredAt, OffsetDateTime updatedAt, @Nullable String secret) {

	static CallbackView of(PartnerCallback callback, boolean withSecret) {
		return new CallbackView(callback.url(), callback.registeredAt(), callback.updatedAt(),
				withSecret ? callback.secret() : null);
	}

}
