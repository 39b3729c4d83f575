package org.truce.deconfliction.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aid convoy struck at Urum al-Kubra on 19 September 2016, over HTTP: the convoy is
 * notified over HTTP with its route and window, an air strike is reported at Urum
 * al-Kubra during the window, the alert fires on the event stream and in the list, and
 * the finding names the term that protects aid.
 *
 * <p>
 * Data (the shared data set, see scenarios/syria-2016/SOURCES.md): the places are UCDP
 * GED's (gazetteer/ ucdp_ged_syria_locations_2016-2019.csv): Aleppo town 36.201241 N
 * 37.161173 E, Khan al Asal town 36.17135 N 37.03907 E, Kafr Naha village 36.168273 N
 * 36.984502 E, Urum al Kubra town 36.1481 N 36.94775 E. The route is drawn through them
 * from government-held Aleppo to the Red Crescent warehouse at Urum al-Kubra (an
 * approximation: the roads between them are not drawn). The strike: UCDP event 301214
 * (events/ ucdp_ged_syria_2016-2019.csv; source HRW, "Syria: Investigate Attack on UN Aid
 * Convoy"; Urum al Kubra town, where_prec 1, 19 September 2016, 21 deaths, Government of
 * Syria against civilians) and Wikipedia's current events of 2016-09-19 (news/
 * wikipedia_current_events_syria_2016.csv, wce-031: an air strike hit a convoy of UN OCHA
 * aid trucks near Urum al-Kubra, hours after the Syrian military declared the ceasefire
 * over). The hour, about 19:30 Damascus time (UTC+3), is from contemporary reports of the
 * UN; the window given to the convoy, 08:00 to 23:59 that day, is an assumption.
 */
class UrumAlKubraConvoyTest {

	static final String ROUTE = """
			{"type": "LineString", "coordinates": [[37.161173, 36.201241], [37.03907, 36.17135],
			 [36.984502, 36.168273], [36.94775, 36.1481]]}""";

	static final String TERM = "syria-coh-2016-02/no-attacks-on-humanitarian-operations";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningTruce truce;

	@BeforeAll
	static void theFebruaryCessationAndTheActors() throws IOException {
		truce = RunningTruce.sqlite(true);
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government", "Government of Syria")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia"))));
		truce.bean(Sources.class).save(new Source("ucdp", "UCDP GED", SourceKind.DATASET, Reliability.B));
		AgreementFixture.load(truce, "syria-coh-2016-02");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void theConvoyStrikeRaisesAnAlertAtOnceAndAFindingUnderTheTermThatProtectsAid() throws Exception {
		String monitor = truce.token("monitor");
		Http notifier = truce.http().withToken(truce.token("notifier"));
		Http.Response notified = notifier.postJson("/api/notifications", """
				{"kind": "MOVEMENT", "name": "UN/SARC convoy to Urum al-Kubra", "movementKind": "CONVOY",
				 "geometry": %s,
				 "from": "2016-09-19T08:00:00+03:00", "to": "2016-09-19T23:59:00+03:00",
				 "vehicles": [{"type": "truck", "markings": "UN and SARC emblems"}],
				 "markings": "UN and Red Crescent emblems", "parties": ["syria-government", "russia"]}"""
			.formatted(ROUTE));
		assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
		String convoyId = notified.json().get("id").asString();
		Http http = truce.http().withToken(monitor);

		try (AlertStreamReader stream = new AlertStreamReader(truce.baseUri(), monitor).awaitConnected()) {
			Http.Response created = http.postJson("/api/reports", """
					{"eventType": "air_drone_strike", "when": {"start": "2016-09-19T19:30:00+03:00"},
					 "where": {"latitude": 36.1481, "longitude": 36.94775, "precision": "exact",
					           "placeName": "Urum al Kubra town"},
					 "actor": "Government of Syria", "target": "Civilians",
					 "casualties": {"total": {"best": 21}},
					 "narrative": "Air strike on a UN/SARC aid convoy at Urum al-Kubra (UCDP 301214; HRW).",
					 "source": "ucdp", "externalId": "301214"}""");
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			String report = created.json().get("id").asString();

			assertThat(stream.contentType()).startsWith("text/event-stream");
			JsonNode alert = stream.next(Duration.ofSeconds(30));
			assertThat(alert).as("an alert on the event stream").isNotNull();
			assertThat(alert.get("report").asString()).isEqualTo(report);
			assertThat(alert.get("place").get("id").asString()).isEqualTo(convoyId);
			assertThat(alert.get("place").get("kind").asString()).isEqualTo("movement");
			// UCDP's where_prec 1 is a 2 km radius around the town's point: the disc
			// straddles the 1 km alert distance.
			assertThat(alert.get("proximity").asString()).isEqualTo("POSSIBLY_WITHIN");
			assertThat(alert.get("distanceMetres").asLong()).isZero();
			assertThat(alert.get("thresholdMetres").asLong()).isEqualTo(1000);
			assertThat(alert.get("where").get("uncertaintyMetres").asLong()).isEqualTo(2000);

			JsonNode listed = http.get("/api/alerts").json().get("items");
			assertThat(listed.findValuesAsString("id")).contains(alert.get("id").asString());
			JsonNode otherNotifiers = truce.http().withToken(truce.token("notifier")).get("/api/alerts").json();
			assertThat(otherNotifiers.get("items")).as("another notifier's alerts only").isEmpty();
			assertThat(notifier.get("/api/alerts").json().get("items").findValuesAsString("id"))
				.as("the convoy's notifier sees its alert, without the report's point")
				.contains(alert.get("id").asString());
			assertThat(notifier.get("/api/alerts").json().get("items").get(0).has("where")).isFalse();
			assertThatTheLedgerHoldsTheAlertWithoutCoordinates(alert.get("id").asString(), report, convoyId);

			JsonNode finding = awaitFinding(http, f -> TERM.equals(f.get("term").asString()));
			assertThat(finding.get("outcome").asString()).isEqualTo("UNDETERMINED");
			assertThat(finding.get("missing").findValuesAsString("code"))
				.containsExactly("NEAR_HUMANITARIAN_UNCERTAIN");
			assertThat(finding.get("reasons").findValuesAsString("code")).contains("TARGET_POSSIBLY_HUMANITARIAN",
					"PERPETRATOR_BOUND", "ACTIVITY_PROHIBITED");

			// A monitor on the ground then places the strike at the warehouse, to 100 m:
			// the convoy is surely within 1 km, and the incident, sharpened by the
			// surveyed report, breaks the term.
			Http.Response surveyed = http.postJson("/api/reports", """
					{"eventType": "air_drone_strike", "when": {"start": "2016-09-19T19:30:00+03:00"},
					 "where": {"latitude": 36.1481, "longitude": 36.94775, "precision": "surveyed",
					           "placeName": "Urum al-Kubra, Red Crescent warehouse"},
					 "actor": "Government of Syria", "target": "Civilians",
					 "narrative": "Monitor's report: the convoy was struck while unloading.",
					 "source": "ucdp", "externalId": "monitor-urum-1"}""");
			assertThat(surveyed.status()).as(surveyed.toString()).isEqualTo(201);
			JsonNode sure = stream.next(Duration.ofSeconds(30));
			assertThat(sure).isNotNull();
			assertThat(sure.get("proximity").asString()).isEqualTo("WITHIN");
			JsonNode violation = awaitFinding(http,
					f -> TERM.equals(f.get("term").asString()) && "VIOLATION".equals(f.get("outcome").asString()));
			assertThat(violation.get("reasons").findValuesAsString("code")).contains("TARGET_HUMANITARIAN");
		}
	}

	private static void assertThatTheLedgerHoldsTheAlertWithoutCoordinates(String alertId, String report,
			String place) {
		long size = truce.bean(org.truce.ledger.application.Ledger.class).size();
		JsonNode entries = truce.http().get("/ledger/entries?start=0&end=" + size).json();
		JsonNode found = null;
		for (JsonNode e : entries) {
			if ("alert".equals(e.get("kind").asString()) && alertId.equals(e.get("subject").asString())) {
				found = JSON.readTree(e.get("entry").asString()).get("body");
				assertThat(e.get("disclosures")).as("nothing opened to the public").isEmpty();
			}
		}
		assertThat(found).as("the alert's ledger entry").isNotNull();
		assertThat(found.toString()).as("the public log holds the alert only as commitments")
			.doesNotContain(report)
			.doesNotContain(place)
			.doesNotContain("POSSIBLY_WITHIN");
		assertThat(found.get("commitments").propertyNames()).containsExactlyInAnyOrder("report", "place");
		JsonNode opened = null;
		for (JsonNode e : truce.http()
			.withToken(truce.token("monitor"))
			.get("/ledger/entries?start=0&end=" + size)
			.json()) {
			if (alertId.equals(e.get("subject").asString())) {
				opened = e.get("disclosures");
			}
		}
		assertThat(opened).as("opened for staff").hasSize(2);
		String values = opened.toString();
		assertThat(values).contains(report, place, "movement", "POSSIBLY_WITHIN", "\"thresholdMetres\":1000",
				"\"distanceMetres\":0");
		assertThat(values).doesNotContain("36.1481").doesNotContain("latitude").doesNotContain("convoy");
	}

	private static long ledgerSize() {
		return truce.bean(org.truce.ledger.application.Ledger.class).size();
	}

	private static JsonNode awaitFinding(Http http, Predicate<JsonNode> which) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			JsonNode items = http.get("/api/findings?agreement=syria-coh-2016-02&limit=500").json().get("items");
			for (JsonNode f : items) {
				if (which.test(f)) {
					return f;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no such finding within 30 s");
	}

}
