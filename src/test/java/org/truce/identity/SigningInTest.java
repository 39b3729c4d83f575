package org.truce.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in with a password through the sign-in form (with its CSRF token) and sign
 * out; machines send API tokens. Unknown, revoked and expired tokens, wrong passwords and
 * forms without their CSRF token are refused, and every sign-in, grant, revocation and
 * token is a ledger entry.
 */
class SigningInTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static RunningTruce truce;

	private static ManagingUsers users;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of("truce.security.sign-in.account-failures", "3"));
		users = truce.bean(ManagingUsers.class);
		truce.register(Parties.SYRIA_GOVERNMENT);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aTokenSignsInAMachineClientUntilItIsRevoked() {
		users.add("machine-a", null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE);
		ManagingUsers.IssuedToken issued = users.issueToken("machine-a", "ingest", null, ManagingUsers.COMMAND_LINE);
		Http http = new Http(truce.baseUri()).withToken(issued.secret());

		Http.Response me = http.get("/api/me");
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.json().get("name").asString()).isEqualTo("machine-a");
		assertThat(me.json().get("reach").asString()).isEqualTo("FULL");
		assertThat(http.get("/api/sources").status()).isEqualTo(200);

		users.revokeToken(issued.token().id(), ManagingUsers.COMMAND_LINE);
		Http.Response revoked = http.get("/api/me");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.code()).isEqualTo("INVALID_TOKEN");
		assertThat(revoked.json().get("detail").asString()).contains("revoked");
		assertThat(revoked.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
	}

	@Test
	void unknownAndExpiredTokensAreRefused() throws Exception {
		Http.Response unknown = new Http(truce.baseUri()).withToken("truce_not-a-token").get("/api/me");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(unknown.code()).isEqualTo("INVALID_TOKEN");

		users.add("machine-b", null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE);
		ManagingUsers.IssuedToken shortLived = users.issueToken("machine-b", "short", Instant.now().plusMillis(1500),
				ManagingUsers.COMMAND_LINE);
		Http http = new Http(truce.baseUri()).withToken(shortLived.secret());
		assertThat(http.get("/api/me").status()).isEqualTo(200);
		Thread.sleep(1600);
		Http.Response expired = http.get("/api/me");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().get("detail").asString()).contains("expired");
	}

	@Test
	void aRoleTheTokensUserDoesNotHoldIsForbidden() {
		Http liaison = truce.http("liaison:syria-government");
		Http.Response sources = liaison.get("/api/sources");
		assertThat(sources.status()).isEqualTo(403);
		assertThat(sources.code()).isEqualTo("FORBIDDEN");
		assertThat(liaison.get("/api/users").status()).isEqualTo(403);
		Http.Response anonymous = new Http(truce.baseUri()).get("/api/users");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aPersonSignsInWithTheFormSeesTheirRolesLosesARoleAtOnceAndSignsOut() throws Exception {
		String password = users
			.add("analyst-c", null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE)
			.password();
		Browser browser = new Browser();
		long before = ledgerSize();

		HttpResponse<String> failed = browser.signIn("analyst-c", "wrong password!");
		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

		HttpResponse<String> signedIn = browser.signIn("analyst-c", password);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
		assertThat(browser.get("/").body()).contains("Signed in as").contains("analyst-c");
		assertThat(browser.get("/api/sources").statusCode()).isEqualTo(200);
		assertThat(kindsSince(before)).contains("sign-in");

		users.revoke("analyst-c", new Grant(Role.MONITOR, null), ManagingUsers.COMMAND_LINE);
		assertThat(browser.get("/api/sources").statusCode()).isEqualTo(403);
		assertThat(kindsSince(before)).contains("role-revoked");

		HttpResponse<String> noCsrf = browser.post("/logout", "");
		assertThat(noCsrf.statusCode()).isEqualTo(403);
		assertThat(noCsrf.body()).contains("CSRF_TOKEN_MISSING");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

		HttpResponse<String> signedOut = browser.post("/logout", "_csrf=" + browser.csrf("/"));
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(browser.get("/login?signedOut").body()).contains("You are signed out");
	}

	@Test
	void repeatedFailedSignInsLockTheAccount() throws Exception {
		String password = users
			.add("analyst-d", null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE)
			.password();
		Browser browser = new Browser();
		for (int i = 0; i < 3; i++) {
			assertThat(browser.signIn("analyst-d", "not the password " + i).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}
		HttpResponse<String> locked = browser.signIn("analyst-d", password);
		assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("locked="));
		assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);

		HttpResponse<String> api = new Browser().postForm("/login",
				"username=analyst-d&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), false);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Retry-After")).isPresent();
		assertThat(api.body()).contains("TOO_MANY_ATTEMPTS");
	}

	@Test
	void grantsAndTokensAreLedgerEntriesThatNameUsersOnlyById() {
		long before = ledgerSize();
		ManagingUsers.Added added = users.add("liaison-e", "a long enough password",
				List.of(new Grant(Role.LIAISON, "syria-government")), ManagingUsers.COMMAND_LINE);
		users.issueToken("liaison-e", "phone", null, ManagingUsers.COMMAND_LINE);
		List<LedgerStore.StoredEntry> entries = truce.bean(Ledger.class).entries(before, ledgerSize());
		assertThat(entries).extracting(LedgerStore.StoredEntry::kind)
			.containsExactly("user-added", "role-granted", "token-issued");
		assertThat(entries).allSatisfy(e -> assertThat(e.canonicalJson()).contains(added.user().id().toString())
			.doesNotContain("liaison-e")
			.doesNotContain("a long enough password"));
		assertThat(entries.get(1).canonicalJson()).contains("\"side\":\"syria-government\"");
	}

	private static long ledgerSize() {
		return truce.bean(Ledger.class).size();
	}

	private static List<String> kindsSince(long start) {
		return truce.bean(Ledger.class)
			.entries(start, ledgerSize())
			.stream()
			.map(LedgerStore.StoredEntry::kind)
			.toList();
	}

	/** A browser: keeps cookies, does not follow redirects, asks for HTML. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Accept", "text/html,application/json;q=0.9")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String page) throws IOException, InterruptedException {
			Matcher m = CSRF.matcher(get(page).body());
			assertThat(m.find()).as("a CSRF token on " + page).isTrue();
			return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		}

		HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
			return post("/login", "username=" + username + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf("/login"));
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return postForm(path, form, true);
		}

		HttpResponse<String> postForm(String path, String form, boolean html) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", html ? "text/html" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private static URI uri(String path) {
			return truce.baseUri().resolve(path);
		}

	}

}
