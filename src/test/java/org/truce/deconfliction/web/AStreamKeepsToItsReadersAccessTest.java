package org.truce.deconfliction.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: a reader's stream of alerts stops when its token is revoked, or its
 * role is, while another reader's goes on; a user may hold two streams here
 * ({@code truce.alerts.max-streams-per-user=2}), and a third gets 429 problem+json with
 * Retry-After, until one of the two is closed.
 *
 * <p>
 * Each report is an air strike at Al-Quds hospital in Aleppo (36.2139 N, 37.1597 E),
 * which a notifier has notified: each raises one alert.
 */
@SlowTest
class AStreamKeepsToItsReadersAccessTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger REPORTS = new AtomicInteger();

	private static RunningTruce truce;

	private static String monitor;

	@BeforeAll
	static void aNotifiedHospital() {
		truce = RunningTruce.sqlite(true, Map.of("truce.alerts.max-streams-per-user", 2));
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
		monitor = truce.token("monitor");
		Http.Response notified = truce.http().withToken(truce.token("notifier")).postJson("/api/notifications", """
				{"kind": "SITE", "name": "Al-Quds hospital", "siteKind": "HOSPITAL",
				 "geometry": {"type": "Point", "coordinates": [37.1597, 36.2139]}, "parties": ["syria-government"]}""");
		assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aRevokedTokenStopsItsStream() throws Exception {
		ManagingUsers users = truce.bean(ManagingUsers.class);
		truce.user("monitor-revoked-token", "monitor");
		ManagingUsers.IssuedToken token = users.issueToken("monitor-revoked-token", "stream", null, "test");
		try (AlertStreamReader revoked = new AlertStreamReader(truce.baseUri(), token.secret()).awaitConnected();
				AlertStreamReader other = new AlertStreamReader(truce.baseUri(), monitor).awaitConnected()) {
			String before = strike();
			assertThat(revoked.next(WAIT).get("report").asString()).isEqualTo(before);
			assertThat(other.next(WAIT).get("report").asString()).isEqualTo(before);

			users.revokeToken(token.token().id(), "test");
			// The reader's check is cached for up to 2 s.
			Thread.sleep(2500);
			String after = strike();

			assertThat(other.next(WAIT).get("report").asString()).as("the other reader's stream goes on")
				.isEqualTo(after);
			assertThat(revoked.next(Duration.ofSeconds(2))).as("nothing after the revocation").isNull();
		}
	}

	@Test
	void aRevokedRoleStopsItsStream() throws Exception {
		ManagingUsers users = truce.bean(ManagingUsers.class);
		truce.user("monitor-revoked-role", "monitor");
		String token = users.issueToken("monitor-revoked-role", "stream", null, "test").secret();
		try (AlertStreamReader revoked = new AlertStreamReader(truce.baseUri(), token).awaitConnected();
				AlertStreamReader other = new AlertStreamReader(truce.baseUri(), monitor).awaitConnected()) {
			String before = strike();
			assertThat(revoked.next(WAIT).get("report").asString()).isEqualTo(before);
			assertThat(other.next(WAIT).get("report").asString()).isEqualTo(before);

			users.revoke("monitor-revoked-role", Grant.parse("monitor").orElseThrow(), "test");
			Thread.sleep(2500);
			String after = strike();

			assertThat(other.next(WAIT).get("report").asString()).isEqualTo(after);
			assertThat(revoked.next(Duration.ofSeconds(2))).as("nothing after the revocation").isNull();
		}
	}

	@Test
	void aThirdStreamOfOneUserIsRefusedUntilOneCloses() throws Exception {
		String token = truce.token("monitor");
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest third = HttpRequest.newBuilder(truce.baseUri().resolve("/api/alerts/stream?timeoutSeconds=2"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(20))
			.build();
		AlertStreamReader one = new AlertStreamReader(truce.baseUri(), token).awaitConnected();
		try (AlertStreamReader two = new AlertStreamReader(truce.baseUri(), token).awaitConnected();
				AlertStreamReader someoneElse = new AlertStreamReader(truce.baseUri(), monitor).awaitConnected()) {
			HttpResponse<String> refused = client.send(third, HttpResponse.BodyHandlers.ofString());

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			JsonNode problem = JSON.readTree(refused.body());
			assertThat(problem.get("code").asString()).isEqualTo("TOO_MANY_STREAMS");

			one.close();
			int status = 0;
			long until = System.nanoTime() + WAIT.toNanos();
			while (System.nanoTime() < until) {
				status = client.send(third, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status == 200) {
					break;
				}
				Thread.sleep(200);
			}
			assertThat(status).as("once a stream is closed, another may open").isEqualTo(200);
		}
	}

	/** Reports an air strike at the hospital; returns the report's id. */
	private static String strike() {
		int n = REPORTS.incrementAndGet();
		Http.Response created = truce.http().withToken(monitor).postJson("/api/reports", """
				{"eventType": "air_drone_strike", "when": {"start": "2016-09-28T04:00:00+03:00"},
				 "where": {"latitude": 36.2139, "longitude": 37.1597, "precision": "exact"},
				 "narrative": "Air strike at Al-Quds hospital, report %d", "source": "monitors",
				 "externalId": "access-strike-%d"}""".formatted(n, n));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
