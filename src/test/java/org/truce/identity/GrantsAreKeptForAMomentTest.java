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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's user and grants, and a signed-in user's grants, are read from the store at
 * most once per {@code truce.security.grants-kept-for} (not on every request), and still
 * a revocation takes effect: at once when it is made through this instance, within that
 * time when it is made elsewhere (another instance, a command against the same store;
 * here, a write to the store behind the instance's back).
 */
class GrantsAreKeptForAMomentTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Grant MONITOR = new Grant(Role.MONITOR, null);

	/** Keeps grants for an hour: only a change through it can end them in a test. */
	private static RunningTruce kept;

	/** Keeps grants for 300 ms. */
	private static RunningTruce brief;

	@BeforeAll
	static void start() {
		kept = RunningTruce.sqlite(true, Map.of("truce.security.grants-kept-for", "1h"));
		brief = RunningTruce.sqlite(true, Map.of("truce.security.grants-kept-for", "300ms"));
	}

	@AfterAll
	static void stop() throws Exception {
		kept.close();
		brief.close();
	}

	@Test
	void aTokenRevokedThroughThisInstanceIsRefusedAtOnceThoughItsGrantsAreKept() {
		Machine m = Machine.of(kept, "kept-a");
		assertThat(m.http.get("/api/sources").status()).isEqualTo(200);

		// Behind the instance's back: not seen, the grants are kept.
		kept.bean(Users.class).removeGrant(m.userId, MONITOR);
		assertThat(m.http.get("/api/sources").status()).isEqualTo(200);

		kept.bean(ManagingUsers.class).revokeToken(m.tokenId, ManagingUsers.COMMAND_LINE);
		Http.Response revoked = m.http.get("/api/me");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.code()).isEqualTo("INVALID_TOKEN");
		assertThat(revoked.json().get("detail").asString()).contains("revoked");
	}

	@Test
	void aRoleRevokedThroughThisInstanceEndsAtOnceForItsTokensAndSessions() throws Exception {
		Machine m = Machine.of(kept, "kept-b");
		kept.user("kept-person-b", "monitor");
		Browser person = Browser.signedIn(kept, "kept-person-b");
		assertThat(m.http.get("/api/sources").status()).isEqualTo(200);
		assertThat(person.get("/api/sources").statusCode()).isEqualTo(200);

		ManagingUsers managing = kept.bean(ManagingUsers.class);
		managing.revoke("kept-b", MONITOR, ManagingUsers.COMMAND_LINE);
		managing.revoke("kept-person-b", MONITOR, ManagingUsers.COMMAND_LINE);

		Http.Response machine = m.http.get("/api/sources");
		assertThat(machine.status()).isEqualTo(403);
		assertThat(machine.code()).isEqualTo("FORBIDDEN");
		assertThat(person.get("/api/sources").statusCode()).isEqualTo(403);
		// Granted again, at once too.
		managing.grant("kept-b", MONITOR, ManagingUsers.COMMAND_LINE);
		assertThat(m.http.get("/api/sources").status()).isEqualTo(200);
	}

	@Test
	void aChangeMadeElsewhereTakesEffectWithinTheTimeKept() throws Exception {
		Users store = brief.bean(Users.class);
		Machine revoked = Machine.of(brief, "brief-a");
		Machine demoted = Machine.of(brief, "brief-b");
		Machine disabled = Machine.of(brief, "brief-c");
		brief.user("brief-person", "monitor");
		Browser person = Browser.signedIn(brief, "brief-person");
		UUID personId = store.byUsername("brief-person").orElseThrow().id();
		for (Machine m : List.of(revoked, demoted, disabled)) {
			assertThat(m.http.get("/api/sources").status()).isEqualTo(200);
		}
		assertThat(person.get("/api/sources").statusCode()).isEqualTo(200);

		store.revokeToken(revoked.tokenId, Instant.now());
		store.removeGrant(demoted.userId, MONITOR);
		brief.jdbc()
			.sql("UPDATE users SET disabled_at = ? WHERE id = ?")
			.params(brief.dialect().instant(Instant.now()), disabled.userId.toString())
			.update();
		store.removeGrant(personId, MONITOR);
		// Longer than the 300 ms kept: whatever was kept before the changes is stale.
		Thread.sleep(400);

		Http.Response revokedAnswer = revoked.http.get("/api/sources");
		assertThat(revokedAnswer.status()).isEqualTo(401);
		assertThat(revokedAnswer.json().get("detail").asString()).contains("revoked");
		assertThat(demoted.http.get("/api/sources").status()).isEqualTo(403);
		Http.Response disabledAnswer = disabled.http.get("/api/sources");
		assertThat(disabledAnswer.status()).isEqualTo(401);
		assertThat(disabledAnswer.json().get("detail").asString()).contains("disabled");
		assertThat(person.get("/api/sources").statusCode()).isEqualTo(403);
	}

	/** A user holding the monitor's role, with an API token. */
	private record Machine(UUID userId, UUID tokenId, Http http) {

		static Machine of(RunningTruce truce, String name) {
			ManagingUsers users = truce.bean(ManagingUsers.class);
			UUID id = users.add(name, null, List.of(MONITOR), ManagingUsers.COMMAND_LINE).user().id();
			ManagingUsers.IssuedToken token = users.issueToken(name, "test", null, ManagingUsers.COMMAND_LINE);
			return new Machine(id, token.token().id(), new Http(truce.baseUri()).withToken(token.secret()));
		}

	}

	/** A browser signed in with a password: keeps its session cookie. */
	private record Browser(HttpClient client, URI base) {

		static Browser signedIn(RunningTruce truce, String username) throws Exception {
			Browser b = new Browser(HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build(), truce.baseUri());
			Matcher csrf = CSRF.matcher(b.get("/login").body());
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> signIn = b.client.send(HttpRequest.newBuilder(b.base.resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
						+ URLEncoder.encode(RunningTruce.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
						+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.statusCode()).isEqualTo(302);
			assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			return b;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(this.base.resolve(path))
				.header("Accept", "text/html,application/json;q=0.9")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
