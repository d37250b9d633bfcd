package org.creditflow.mydata;

import java.net.URI;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the connector reaches one provider, and the bearer token it shows there. Every
 * provider, the built-in simulator too, serves a source's profile at the same path below
 * its base URL.
 *
 * @param baseUrl the provider's base URL; the profiles are below it
 * @param token the bearer token the provider expects
 */
record ProviderEndpoint(URI baseUrl, String token) {

	static String profilePath(DataSource source) {
		return (source == DataSource.FINANCIAL) ? "/financial-profile" : "/telecom-profile";
	}

	URI profile(DataSource source) {
		return UriComponentsBuilder.fromUri(this.baseUrl).path(profilePath(source)).build(true).toUri();
	}

	/** The token is a secret: whatever prints an endpoint must not leak it. */
	@Override
	public String toString() {
		return "ProviderEndpoint[baseUrl=" + this.baseUrl + ", token=(hidden)]";
	}

}
