package org.truce.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser behind a load balancer: it keeps the session cookie as a browser does and
 * sends each request to whichever instance the test names, as a proxy without sticky
 * sessions may. Does not follow redirects; asks for HTML.
 */
final class TwoInstancesBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("^JSESSIONID=([^;]*)");

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String session;

	String session() {
		return this.session;
	}

	HttpResponse<String> get(RunningTruce on, String path) throws IOException, InterruptedException {
		return send(request(on, path).header("Accept", "text/html,application/json;q=0.9").GET());
	}

	String csrf(RunningTruce on, String page) throws IOException, InterruptedException {
		Matcher m = CSRF.matcher(get(on, page).body());
		assertThat(m.find()).as("a CSRF token on " + page).isTrue();
		return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
	}

	/**
	 * Signs in on {@code on}, with the CSRF token of the sign-in page of
	 * {@code formFrom}.
	 */
	HttpResponse<String> signIn(RunningTruce formFrom, RunningTruce on, String username, String password)
			throws IOException, InterruptedException {
		return post(on, "/login", "username=" + username + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf(formFrom, "/login"));
	}

	HttpResponse<String> post(RunningTruce on, String path, String form) throws IOException, InterruptedException {
		return send(request(on, path).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpRequest.Builder request(RunningTruce on, String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(on.baseUri().resolve(URI.create(path)));
		if (this.session != null) {
			b.header("Cookie", "JSESSIONID=" + this.session);
		}
		return b;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher m = SESSION.matcher(cookie);
			if (m.find()) {
				this.session = m.group(1).isEmpty() || cookie.contains("Max-Age=0") ? null : m.group(1);
			}
		}
		return response;
	}

}
