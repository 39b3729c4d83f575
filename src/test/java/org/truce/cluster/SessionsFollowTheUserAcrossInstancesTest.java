package org.truce.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.testing.PostgresTest;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL schema, as behind a proxy without sticky sessions: a
 * person signed in through one is signed in on the other, a form's CSRF token from one is
 * accepted by the other, and signing out on one signs out on both. Skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class SessionsFollowTheUserAcrossInstancesTest {

	@TempDir
	Path data;

	@Test
	void signedInThroughOneInstanceSignedInOnTheOtherAndSignedOutOnBoth() throws Exception {
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
				RunningTruce a = RunningTruce.postgresOn(schema, this.data, true, Map.of());
				RunningTruce b = RunningTruce.postgresOn(schema, this.data, true, Map.of())) {
			a.user("analyst-x", "monitor");
			TwoInstancesBrowser browser = new TwoInstancesBrowser();

			HttpResponse<String> signedIn = browser.signIn(b, a, "analyst-x", RunningTruce.PASSWORD);
			assertThat(signedIn.statusCode()).as("the form of B posted to A").isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			assertThat(signedIn.headers().allValues("Set-Cookie"))
				.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
					.containsIgnoringCase("HttpOnly")
					.containsIgnoringCase("SameSite=Lax"));
			assertThat(a.jdbc()
				.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'analyst-x'")
				.query(Long.class)
				.single()).isEqualTo(1);

			assertThat(browser.get(b, "/").body()).contains("Signed in as").contains("analyst-x");
			assertThat(browser.get(b, "/api/sources").statusCode()).isEqualTo(200);
			assertThat(browser.get(a, "/api/sources").statusCode()).isEqualTo(200);

			HttpResponse<String> noCsrf = browser.post(b, "/logout", "");
			assertThat(noCsrf.statusCode()).isEqualTo(403);
			HttpResponse<String> signedOut = browser.post(b, "/logout", "_csrf=" + browser.csrf(a, "/"));
			assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");

			TwoInstancesBrowser stale = new TwoInstancesBrowser();
			assertThat(a.jdbc()
				.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'analyst-x'")
				.query(Long.class)
				.single()).as("the session is gone from the store").isZero();
			assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(401);
			assertThat(stale.get(a, "/api/me").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void theOldSessionCookieNoLongerSignsInOnEitherInstanceAfterSigningOut() throws Exception {
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
				RunningTruce a = RunningTruce.postgresOn(schema, this.data, true, Map.of());
				RunningTruce b = RunningTruce.postgresOn(schema, this.data, true, Map.of())) {
			a.user("analyst-y", "monitor");
			TwoInstancesBrowser browser = new TwoInstancesBrowser();
			browser.signIn(a, a, "analyst-y", RunningTruce.PASSWORD);
			String cookie = browser.session();
			assertThat(cookie).isNotNull();
			assertThat(browser.get(b, "/api/me").statusCode()).isEqualTo(200);

			browser.post(a, "/logout", "_csrf=" + browser.csrf(b, "/"));
			java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
			for (RunningTruce instance : new RunningTruce[] { a, b }) {
				HttpResponse<String> replayed = client
					.send(java.net.http.HttpRequest.newBuilder(instance.baseUri().resolve("/api/me"))
						.header("Cookie", "JSESSIONID=" + cookie)
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(replayed.statusCode()).as("the old cookie on %s", instance).isEqualTo(401);
			}
		}
	}

}
