package org.truce.web;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing secret reaches the logs, at INFO or at DEBUG for Truce and Spring Security:
 * through sign-ins with a right and a wrong password, API tokens right and wrong, a user
 * added with a known password, and a report from a named source, the output holds no
 * password, no token, no password hash, no session id, and neither the source's name nor
 * the report's narrative. Nor does Spring Boot ever generate and log a password of its
 * own.
 */
@SlowTest
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInTheLogsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "Quokka-Lantern-Password-5521";

	private static final String WRONG_PASSWORD = "Wrong-Heron-Password-3307";

	private static final String WRONG_TOKEN = "truce_Wrong-Token-Marmoset-8812";

	/** A password typed into the username field, as people do. */
	private static final String PASSWORD_AS_USERNAME = "Ibis-Password-In-The-Wrong-Field-6640";

	private static final String SOURCE_NAME = "Informant Nightjar of Bustan al-Qasr";

	private static final String NARRATIVE = "Narrative Osprey: shelling seen from the bakery roof";

	@Test
	void atInfoNothingSecretIsLogged(CapturedOutput output) throws Exception {
		List<String> secrets = exercise("info");
		assertThat(output.getAll()).as("the capture works").contains("base layers ready");
		assertNoneIn(output.getAll(), secrets);
	}

	@Test
	void atDebugNothingSecretIsLogged(CapturedOutput output) throws Exception {
		List<String> secrets = exercise("debug");
		assertThat(output.getAll()).as("Spring Security logs at DEBUG")
			.contains("Authentication failed with provider DaoAuthenticationProvider since Bad credentials")
			.contains("Secured POST /api/reports");
		assertNoneIn(output.getAll(), secrets);
	}

	@Test
	void noCommandEverLogsAGeneratedPassword(CapturedOutput output) throws Exception {
		try (RunningTruce offline = RunningTruce.sqlite(false, Map.of("logging.level.org.springframework", "info"))) {
			assertThatThrownBy(() -> offline.bean(InMemoryUserDetailsManager.class))
				.isInstanceOf(NoSuchBeanDefinitionException.class);
		}
		try (RunningTruce web = RunningTruce.sqlite(true, Map.of("logging.level.org.springframework", "info"))) {
			assertThatThrownBy(() -> web.bean(InMemoryUserDetailsManager.class))
				.isInstanceOf(NoSuchBeanDefinitionException.class);
		}
		assertThat(output.getAll()).as("the capture works")
			.contains("Tomcat started")
			.doesNotContainIgnoringCase("security password");
	}

	/**
	 * Signs in and out, uses tokens, adds a user and submits a report on an application
	 * logging at {@code level}; the secrets it used.
	 */
	private static List<String> exercise(String level) throws Exception {
		List<String> secrets = new ArrayList<>(
				List.of(PASSWORD, WRONG_PASSWORD, WRONG_TOKEN, PASSWORD_AS_USERNAME, SOURCE_NAME, NARRATIVE));
		try (RunningTruce truce = RunningTruce.sqlite(true,
				Map.of("logging.level.org.truce", level, "logging.level.org.springframework.security", level))) {
			truce.register(Parties.SYRIA_GOVERNMENT);
			String adminToken = truce.token("admin");
			secrets.add(adminToken);
			Http admin = truce.http().withToken(adminToken);
			assertThat(
					admin
						.postJson("/api/users",
								"""
										{"username": "analyst-k", "password": "%s", "grants": ["monitor"]}"""
									.formatted(PASSWORD))
						.status())
				.isEqualTo(201);
			Http.Response issued = admin.postJson("/api/users/analyst-k/tokens", "{\"label\": \"laptop\"}");
			assertThat(issued.status()).isEqualTo(201);
			String token = issued.json().get("token").asString();
			secrets.add(token);
			secrets.add(truce.jdbc()
				.sql("SELECT password_hash FROM users WHERE username = 'analyst-k'")
				.query(String.class)
				.single());

			Http analyst = truce.http().withToken(token);
			assertThat(analyst.postJson("/api/sources", """
					{"id": "informant-7", "name": "%s", "kind": "NGO"}""".formatted(SOURCE_NAME)).status())
				.isEqualTo(201);
			assertThat(analyst
				.postJson("/api/reports",
						"""
								{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
								 "where": {"latitude": 36.2, "longitude": 37.15}, "source": "informant-7", "narrative": "%s"}"""
							.formatted(NARRATIVE))
				.status()).isEqualTo(201);
			assertThat(truce.http().withToken(WRONG_TOKEN).get("/api/me").status()).isEqualTo(401);

			CookieManager cookies = new CookieManager();
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			assertThat(signIn(browser, truce.baseUri(), "analyst-k", WRONG_PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
			assertThat(
					signIn(browser, truce.baseUri(), PASSWORD_AS_USERNAME, PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
			assertThat(signIn(browser, truce.baseUri(), "analyst-k", PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
			HttpResponse<String> me = browser.send(HttpRequest.newBuilder(truce.baseUri().resolve("/api/me")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(JSON.readTree(me.body()).get("name").asString()).isEqualTo("analyst-k");
			for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
				secrets.add(cookie.getValue());
			}
		}
		return secrets;
	}

	private static HttpResponse<String> signIn(HttpClient browser, URI base, String username, String password)
			throws Exception {
		Matcher csrf = CSRF.matcher(browser
			.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertNoneIn(String logs, List<String> secrets) {
		for (String secret : secrets) {
			assertThat(logs).as("the logs hold a secret").doesNotContain(secret);
		}
		assertThat(logs).as("an Argon2 hash").doesNotContain("$argon2");
	}

}
