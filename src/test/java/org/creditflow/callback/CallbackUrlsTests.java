package org.creditflow.callback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production settings: a callback is HTTPS to a host whose every address is public, so a
 * partner cannot point the service at the bank's own network or the cloud's metadata
 * endpoint, neither at registration nor later through its DNS.
 */
class CallbackUrlsTests {

	/** What the partners' names resolve to here, instead of the network's DNS. */
	private final Map<String, String[]> dns = new java.util.HashMap<>(Map.of("partner.example",
			new String[] { "203.0.113.10" }, "intranet.example", new String[] { "10.1.2.3" }, "split.example",
			new String[] { "203.0.113.10", "192.168.1.1" }, "localhost", new String[] { "127.0.0.1", "::1" }));

	private final CallbackUrls urls = new CallbackUrls(false, this::resolve);

	@Test
	void shouldAcceptHttpsToAPublicAddress() {
		assertThat(this.urls.problems("https://partner.example/creditflow/decisions")).isEmpty();
		assertThat(this.urls.problems("https://203.0.113.10:8443/decisions?source=creditflow")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://localhost/x", "https://127.0.0.1/x", "https://[::1]/x", "https://10.0.0.7/x",
			"https://172.16.5.4/x", "https://192.168.0.1/x", "https://169.254.169.254/latest/meta-data",
			"https://100.64.0.1/x", "https://0.0.0.0/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
			"https://intranet.example/x", "https://split.example/x" })
	void shouldRefuseAnAddressInsideTheNetwork(String url) {
		assertThat(this.urls.problems(url)).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).contains("which is not a public address"));
	}

	@Test
	void shouldRefusePlainHttpCredentialsAndFragments() {
		assertThat(this.urls.problems("http://user:secret@partner.example/x#frag")).containsExactly(
				"must start with https://", "must not carry a user name or password",
				"must not have a fragment (#...)");
	}

	@Test
	void shouldRefuseWhatIsNotAUsableUrl() {
		assertThat(this.urls.problems("https://nowhere.example/x"))
			.containsExactly("has a host that does not resolve: nowhere.example");
		assertThat(this.urls.problems("not a url")).singleElement().asString().startsWith("is not a URL");
		assertThat(this.urls.problems("https:///path-only")).contains("has no host");
		assertThat(this.urls.problems("https://partner.example/" + "x".repeat(CallbackUrls.MAX_LENGTH)))
			.containsExactly("is longer than 2048 characters");
	}

	@Test
	void shouldRefuseAtSendingTimeANameThatNowPointsInside() {
		this.dns.put("partner.example", new String[] { "10.9.9.9" });

		assertThatThrownBy(() -> this.urls.checked("https://partner.example/decisions"))
			.isInstanceOf(CallbackRefusedException.class)
			.hasMessageContaining("resolves to 10.9.9.9, which is not a public address");
	}

	@Test
	void shouldAllowLocalHttpOnlyWhenSetForADemo() {
		CallbackUrls demo = new CallbackUrls(true, this::resolve);

		assertThat(demo.problems("http://localhost:9000/decisions")).isEmpty();
		assertThat(this.urls.problems("http://localhost:9000/decisions")).contains("must start with https://");
	}

	private InetAddress[] resolve(String host) throws UnknownHostException {
		String[] addresses = this.dns.get(host);
		if (addresses == null) {
			// a literal address resolves to itself without asking any DNS
			if (host.matches("[0-9.]+") || host.contains(":")) {
				return new InetAddress[] { InetAddress.getByName(host) };
			}
			throw new UnknownHostException(host);
		}
		InetAddress[] resolved = new InetAddress[addresses.length];
		for (int i = 0; i < addresses.length; i++) {
			resolved[i] = InetAddress.getByName(addresses[i]);
		}
		return resolved;
	}

}
