package org.creditflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in with a browser: the session cookie from the login form, and the CSRF
 * token Camunda's webapps hand out, sent back as Tasklist sends it. Each call shows what
 * that browser would get (no redirects followed).
 */
final class WebSession {

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	private final String baseUrl;

	private WebSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	static WebSession signIn(int port, String user) {
		WebSession session = new WebSession(port);
		HttpResponse<String> loginPage = session.send("GET", "/login", null, "text/html");
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		String form = "username=" + user + "&password=" + user + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = session.call(HttpRequest.newBuilder(URI.create(session.baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		// Tasklist's page hands out Camunda's CSRF token as a cookie
		session.send("GET", "/camunda/app/tasklist/default/", null, "text/html");
		return session;
	}

	/** A call as Tasklist's scripts make it: JSON, with the CSRF token in its header. */
	HttpResponse<String> send(String method, String path, String json) {
		return send(method, path, json, "application/json");
	}

	/**
	 * The same call without the CSRF token, as a forged cross-site request would come.
	 */
	HttpResponse<String> sendWithoutCsrfToken(String method, String path, String json) {
		return call(request(method, path, json, "application/json").build());
	}

	private HttpResponse<String> send(String method, String path, String json, String accept) {
		HttpRequest.Builder request = request(method, path, json, accept);
		String token = xsrfToken();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		return call(request.build());
	}

	private HttpRequest.Builder request(String method, String path, String json, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", accept);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
	}

	private String xsrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> call(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
