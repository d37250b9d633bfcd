package org.creditflow.callback;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which callback URLs the service will call. A partner chooses the URL, so the service
 * must not become its way into the bank's network (server-side request forgery): only
 * HTTPS, no credentials in the URL, and a host whose every address is public. The host is
 * resolved when the URL is registered and again before each notification is sent, so a
 * name later pointed at an internal address is refused then too.
 */
@Component
class CallbackUrls {

	static final int MAX_LENGTH = 2048;

	private final boolean allowLocalHttp;

	private final Resolver resolver;

	@Autowired
	CallbackUrls(CallbackProperties properties) {
		this(properties.allowLocalHttp(), InetAddress::getAllByName);
	}

	CallbackUrls(boolean allowLocalHttp, Resolver resolver) {
		this.allowLocalHttp = allowLocalHttp;
		this.resolver = resolver;
	}

	/** Every reason the URL cannot be a callback; empty when it can. */
	List<String> problems(String url) {
		List<String> problems = new ArrayList<>();
		if (url.length() > MAX_LENGTH) {
			return List.of("is longer than " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return List.of("is not a URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(this.allowLocalHttp && scheme.equals("http"))) {
			problems.add("must start with https://");
		}
		if (uri.getRawUserInfo() != null) {
			problems.add("must not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			problems.add("must not have a fragment (#...)");
		}
		if (uri.getHost() == null) {
			problems.add("has no host");
			return problems;
		}
		problems.addAll(addressProblems(uri.getHost()));
		return problems;
	}

	/**
	 * Checks the URL again just before it is called.
	 * @throws CallbackRefusedException when it may not be called now
	 */
	URI checked(String url) {
		List<String> problems = problems(url);
		if (!problems.isEmpty()) {
			throw new CallbackRefusedException("The callback URL " + url + " " + String.join("; ", problems));
		}
		return URI.create(url);
	}

	private List<String> addressProblems(String host) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return List.of("has a host that does not resolve: " + host);
		}
		if (this.allowLocalHttp) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				problems.add("resolves to " + address.getHostAddress() + ", which is not a public address");
			}
		}
		return problems;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0/8 "this network", 100.64/10 carrier-grade NAT, 198.18/15 benchmarking,
			// 240/4 reserved
			return first != 0 && !(first == 100 && second >= 64 && second < 128)
					&& !(first == 198 && (second == 18 || second == 19)) && first < 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local addresses (Java's isSiteLocalAddress knows only the
			// old fec0::/10)
			return (bytes[0] & 0xfe) != 0xfc;
		}
		return false;
	}

	/** Looks a host name up (the system's resolver outside tests). */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
