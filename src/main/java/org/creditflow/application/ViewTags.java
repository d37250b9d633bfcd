package org.creditflow.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Entity tags for what the API shows of an application: a digest of the JSON the caller
 * would receive, so the tag changes exactly when the answer does (status, decision,
 * reasons, and the language they are in).
 */
final class ViewTags {

	private final ObjectMapper json;

	ViewTags(ObjectMapper json) {
		this.json = json;
	}

	String of(ApplicationView view) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(view));
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot tag the view of application " + view.id(), ex);
		}
	}

}
