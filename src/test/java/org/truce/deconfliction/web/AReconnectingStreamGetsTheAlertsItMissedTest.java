package org.truce.deconfliction.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * The event stream of alerts, read by a real SSE client that drops its connection and
 * comes back with {@code Last-Event-ID}, as EventSource does: it is sent the alerts
 * raised while it was away, oldest first, then the live ones, none twice and none missed,
 * even while alerts are being raised as it reconnects. An id that names no alert the
 * reader may see starts the stream live, with an event that says so.
 *
 * <p>
 * Each report is an air strike at Al-Quds hospital in Aleppo (36.2139 N, 37.1597 E),
 * which a notifier has notified: each raises one alert.
 */
@SlowTest
class AReconnectingStreamGetsTheAlertsItMissedTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static RunningTruce truce;

	private static String monitor;

	private static String notifier;

	private static final AtomicInteger REPORTS = new AtomicInteger();

	@BeforeAll
	static void aNotifiedHospital() {
		truce = RunningTruce.sqlite(true, Map.of("truce.alerts.max-streams-per-user", 10));
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
		monitor = truce.token("monitor");
		notifier = truce.token("notifier");
		Http.Response notified = truce.http().withToken(notifier).postJson("/api/notifications", """
				{"kind": "SITE", "name": "Al-Quds hospital", "siteKind": "HOSPITAL",
				 "geometry": {"type": "Point", "coordinates": [37.1597, 36.2139]}, "parties": ["syria-government"]}""");
		assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aReconnectingClientGetsTheAlertsItMissedThenTheLiveOnesOnce() throws Exception {
		String seen;
		try (AlertStreamReader first = new AlertStreamReader(truce.baseUri(), monitor).awaitConnected()) {
			String report = strike();
			AlertStreamReader.Event live = nextAlert(first);
			assertThat(live.data().get("report").asString()).isEqualTo(report);
			seen = live.id();
		}

		// Away: two strikes.
		String missedOne = alertOf(strike());
		String missedTwo = alertOf(strike());

		try (AlertStreamReader again = new AlertStreamReader(truce.baseUri(), monitor, seen).awaitConnected()) {
			AlertStreamReader.Event one = nextAlert(again);
			AlertStreamReader.Event two = nextAlert(again);
			assertThat(List.of(one.id(), two.id())).containsExactly(missedOne, missedTwo);
			assertThat(one.data().get("id").asString()).isEqualTo(one.id());
			assertThat(one.data().has("where")).as("a monitor sees the report's point").isTrue();

			String later = strike();
			AlertStreamReader.Event live = nextAlert(again);
			assertThat(live.data().get("report").asString()).isEqualTo(later);
			assertThat(again.nextEvent(Duration.ofSeconds(1))).as("nothing else").isNull();
		}

		// The notifier of the hospital catches up too, without the report's point.
		try (AlertStreamReader notifiers = new AlertStreamReader(truce.baseUri(), notifier, seen).awaitConnected()) {
			AlertStreamReader.Event one = nextAlert(notifiers);
			assertThat(one.id()).isEqualTo(missedOne);
			assertThat(one.data().has("where")).isFalse();
		}
	}

	@Test
	void noAlertIsMissedOrSentTwiceWhileAlertsAreRaisedAsClientsReconnect() throws Exception {
		String since = alertOf(strike());
		int strikes = 20;
		List<String> reports = new CopyOnWriteArrayList<>();
		List<AlertStreamReader> clients = new ArrayList<>();
		ExecutorService striking = Executors.newSingleThreadExecutor();
		try {
			Future<?> done = striking.submit(() -> {
				for (int i = 0; i < strikes; i++) {
					reports.add(strike());
				}
			});
			// Clients come back one after another while the strikes are reported, each
			// from the same last event.
			while (!done.isDone() && clients.size() < 6) {
				clients.add(new AlertStreamReader(truce.baseUri(), monitor, since).awaitConnected());
				Thread.sleep(40);
			}
			done.get(60, TimeUnit.SECONDS);
			Set<String> raised = new LinkedHashSet<>();
			for (String report : reports) {
				raised.add(alertOf(report));
			}
			assertThat(raised).hasSize(strikes);
			assertThat(clients).as("clients that reconnected during the strikes").hasSizeGreaterThan(1);

			for (AlertStreamReader client : clients) {
				List<String> received = new ArrayList<>();
				while (received.size() < strikes) {
					AlertStreamReader.Event e = nextAlert(client);
					received.add(e.id());
				}
				assertThat(client.nextEvent(Duration.ofMillis(500))).as("nothing more").isNull();
				assertThat(received).as("each alert after the last one seen, once").doesNotHaveDuplicates();
				assertThat(received).containsExactlyInAnyOrderElementsOf(raised);
			}
		}
		finally {
			striking.shutdownNow();
			clients.forEach(AlertStreamReader::close);
		}
	}

	@Test
	void anIdThatNamesNoAlertOfTheReaderStartsTheStreamLiveAndSaysSo() throws Exception {
		String hospitals = alertOf(strike());
		String anotherNotifier = truce.token("notifier");
		for (String unknown : List.of(UUID.randomUUID().toString(), "not-an-id", hospitals)) {
			String token = unknown.equals(hospitals) ? anotherNotifier : monitor;
			try (AlertStreamReader stream = new AlertStreamReader(truce.baseUri(), token, unknown).awaitConnected()) {
				AlertStreamReader.Event notice = stream.nextEvent(WAIT);
				assertThat(notice).as("for %s", unknown).isNotNull();
				assertThat(notice.name()).isEqualTo("replay-unavailable");
				assertThat(notice.id()).as("the client keeps its Last-Event-ID").isNull();
				assertThat(notice.data().get("code").asString()).isEqualTo("UNKNOWN_LAST_EVENT_ID");
				assertThat(stream.nextEvent(Duration.ofMillis(500))).as("nothing replayed").isNull();
			}
		}
		try (AlertStreamReader stream = new AlertStreamReader(truce.baseUri(), monitor, "not-an-id").awaitConnected()) {
			assertThat(stream.nextEvent(WAIT).name()).isEqualTo("replay-unavailable");
			String report = strike();
			assertThat(nextAlert(stream).data().get("report").asString()).as("then live").isEqualTo(report);
		}
	}

	/** Reports an air strike at the hospital; returns the report's id. */
	private static String strike() {
		int n = REPORTS.incrementAndGet();
		Http.Response created = truce.http().withToken(monitor).postJson("/api/reports", """
				{"eventType": "air_drone_strike", "when": {"start": "2016-09-28T04:00:00+03:00"},
				 "where": {"latitude": 36.2139, "longitude": 37.1597, "precision": "exact"},
				 "narrative": "Air strike at Al-Quds hospital, report %d", "source": "monitors",
				 "externalId": "strike-%d"}""".formatted(n, n));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Waits until the report's alert is stored; returns its id. */
	private static String alertOf(String report) throws InterruptedException {
		Http http = truce.http().withToken(monitor);
		long until = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < until) {
			for (JsonNode a : http.get("/api/alerts?limit=1000").json().get("items")) {
				if (report.equals(a.get("report").asString())) {
					return a.get("id").asString();
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no alert for report " + report);
	}

	private static AlertStreamReader.Event nextAlert(AlertStreamReader stream) throws InterruptedException {
		AlertStreamReader.Event e = stream.nextEvent(WAIT);
		assertThat(e).as("an event within " + WAIT).isNotNull();
		assertThat(e.name()).isEqualTo("alert");
		return e;
	}

}
