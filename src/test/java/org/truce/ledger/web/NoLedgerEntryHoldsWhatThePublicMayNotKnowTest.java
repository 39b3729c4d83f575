package org.truce.ledger.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.deconfliction.application.RaisingAlerts;
import org.truce.humanitarian.application.RecordingMovementRestrictions;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.LedgerEntriesAsListed;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public log holds in the clear only what the public may know (issue 15, part 4): the
 * distances between clustered reports, an alert's notified place, distance and proximity,
 * a movement restriction's exact place and the monitor who recorded it, and a convoy's
 * window are salted commitments, which a monitor sees opened and the public does not.
 */
class NoLedgerEntryHoldsWhatThePublicMayNotKnowTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CONVOY_ROUTE = """
			{"type": "LineString", "coordinates": [[37.161173, 36.201241], [37.03907, 36.17135],
			 [36.984502, 36.168273], [36.94775, 36.1481]]}""";

	private static RunningTruce truce;

	private static Http monitor;

	private static Http anyone;

	@BeforeAll
	static void aServerWithPartiesSourcesAndAnAgreement() throws IOException {
		truce = RunningTruce.sqlite(true,
				Map.of("truce.clustering.background", "true", "truce.ledger.checkpoint-seconds", "3600"));
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government", "Government of Syria")),
					new Actor("syrian-air-force", "Syrian Air Force", ActorType.STATE_FORCE, "syria-government",
							List.of("Syrian Air Force")),
					new Actor("fsa", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA")),
					new Actor("ypg", "People's Protection Units", ActorType.ARMED_GROUP, null, List.of("YPG")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia"))));
		Sources sources = truce.bean(Sources.class);
		sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		sources.save(new Source("sarc", "Syrian Arab Red Crescent", SourceKind.NGO, Reliability.B));
		AgreementFixture.load(truce, "syria-coh-2016-02");
		monitor = truce.http("monitor");
		anyone = truce.http();
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			Ledger ledger = truce.bean(Ledger.class);
			assertThat(LedgerEntriesAsListed.problems(ledger)).as("every entry as EntryKinds lists it").isEmpty();
		}
		finally {
			truce.close();
		}
	}

	@Test
	void incidentEntriesHoldNoDistanceOrGapBetweenReports() {
		String first = submit("air_drone_strike", 36.2100, 37.1500, "2016-10-21T10:00:00+03:00", "Syrian Air Force",
				"monitors");
		String second = submit("air_drone_strike", 36.2150, 37.1530, "2016-10-21T11:30:00+03:00", null, "sarc");
		String a = submit("shelling_artillery_missile_attack", 36.1800, 37.1000, "2016-10-20T09:00:00+03:00",
				"Syrian government", "monitors");
		String b = submit("shelling_artillery_missile_attack", 36.1810, 37.1010, "2016-10-20T09:30:00+03:00", "Russia",
				"sarc");

		Entry grew = await(ClusteringNewReports.GREW, first);
		Entry link = await(ClusteringNewReports.LINKED, null,
				e -> e.text.contains(a) || e.text.contains(b) || opened(e).contains(a) || opened(e).contains(b));
		for (Entry e : List.of(grew, link)) {
			assertThat(e.body.toString()).as("%s in the clear", e.kind)
				.doesNotContain("distanceMetres")
				.doesNotContain("gapSeconds")
				.doesNotContain(second)
				.doesNotContain(a)
				.doesNotContain(b);
			assertThat(e.disclosures).as("nothing opened to the public").isEmpty();
		}
		assertThat(opened(reread(grew, monitor))).as("opened to a monitor")
			.contains("distanceMetres", "gapSeconds", "\"with\":\"" + first + "\"", second);
		assertThat(opened(reread(link, monitor))).contains("distanceMetres", "gapSeconds", a, b);
	}

	@Test
	void alertEntriesHoldNoNotifiedPlaceDistanceOrProximity() {
		Http notifier = truce.http("notifier");
		Http.Response notified = notifier.postJson("/api/notifications", """
				{"kind": "MOVEMENT", "name": "UN/SARC convoy to Urum al-Kubra", "movementKind": "CONVOY",
				 "geometry": %s,
				 "from": "2016-09-19T08:00:00+03:00", "to": "2016-09-19T23:59:00+03:00",
				 "vehicles": [{"type": "truck", "markings": "UN and SARC emblems"}],
				 "markings": "UN and Red Crescent emblems", "parties": ["syria-government", "russia"]}"""
			.formatted(CONVOY_ROUTE));
		assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
		String place = notified.json().get("id").asString();
		String report = submit("air_drone_strike", 36.1481, 36.94775, "2016-09-19T19:30:00+03:00",
				"Government of Syria", "monitors");

		Entry alert = await(RaisingAlerts.KIND, null, e -> e.text.contains(report) || opened(e).contains(report));
		assertThat(alert.body.toString()).doesNotContain(place)
			.doesNotContain("distanceMetres")
			.doesNotContain("proximity")
			.doesNotContain("WITHIN")
			.doesNotContain("placeKind")
			.doesNotContain("uncertaintyMetres");
		assertThat(alert.disclosures).isEmpty();
		assertThat(opened(reread(alert, monitor))).contains(place, report, "distanceMetres", "WITHIN");
	}

	@Test
	void movementRestrictionEntriesHoldNeitherTheExactPlaceNorTheMonitorWhoRecordedIt() {
		Http.Response r = monitor.postJson("/api/movement-restrictions", """
				{"kind": "DELAY", "delayMinutes": 90, "at": "2016-09-14T09:00:00+03:00", "restrictedBy": "ypg",
				 "place": {"name": "Checkpoint north of Sheikh Maqsoud", "latitude": 36.23517, "longitude": 37.16029},
				 "patrol": "Two armoured vehicles, four monitors, heading to the Castello Road"}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String id = r.json().get("id").asString();
		String recordedBy = r.json().get("recordedBy").asString();

		Entry recorded = await(RecordingMovementRestrictions.RECORDED, id);
		assertThat(recorded.body.toString()).doesNotContain("36.23517")
			.doesNotContain("37.16029")
			.doesNotContain("Sheikh Maqsoud")
			.doesNotContain("recordedBy")
			.doesNotContain(recordedBy);
		assertThat(recorded.disclosures).isEmpty();
		assertThat(opened(reread(recorded, monitor))).contains("36.23517", "37.16029", "Sheikh Maqsoud", recordedBy);
	}

	@Test
	void accessRequestEntriesHoldNoConvoyWindow() {
		Http.Response created = truce.http("notifier").postJson("/api/access-requests", """
				{"route": %s,
				 "destination": {"name": "Eastern Aleppo (Tariq al-Bab)", "latitude": 36.2118, "longitude": 37.1840},
				 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"}],
				 "peopleInNeed": 275000, "parties": ["syria-government", "fsa"],
				 "from": "2016-09-15T06:00:00+03:00", "to": "2016-09-16T18:00:00+03:00"}""".formatted(CONVOY_ROUTE));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();

		Entry requested = await(RequestingAccess.REQUESTED, id);
		assertThat(requested.body.toString()).doesNotContain("2016-09-15")
			.doesNotContain("2016-09-16")
			.doesNotContain("\"from\"")
			.doesNotContain("\"to\"");
		assertThat(requested.disclosures).isEmpty();
		assertThat(opened(reread(requested, monitor))).contains("2016-09-15T03:00:00Z", "2016-09-16T15:00:00Z");
	}

	@Test
	void aClaimAndAMergeAreCommitmentsWhoseStatementAndReasonTheMonitorAloneSeesOpened() {
		String id = submit("air_drone_strike", 36.4050, 37.3400, "2016-10-22T12:00:00+03:00", "Syrian Air Force",
				"monitors");
		String other = submit("air_drone_strike", 36.6050, 37.5400, "2016-10-25T12:00:00+03:00", "Syrian Air Force",
				"monitors");
		await(ClusteringNewReports.CREATED, id);
		await(ClusteringNewReports.CREATED, other);
		Http.Response claimed = truce.http("liaison:syria-government")
			.postJson("/api/incidents/" + id + "/claims",
					"{\"position\": \"DENIES\", \"actor\": \"syrian-air-force\", \"statement\": \"No sorties"
							+ " over Deir Hafer that day.\"}");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
		int version = monitor.get("/api/incidents/" + id).json().get("version").asInt();
		Http.Response merged = monitor.postJson("/api/incidents/" + id + "/merge", "{\"incidents\": [\"" + other
				+ "\"], \"version\": " + version + ", \"reason\": \"The same sortie, seen from Maskanah.\"}");
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

		Entry claim = await("incident-claim", id);
		assertThat(claim.body.toString()).doesNotContain("Deir Hafer")
			.doesNotContain("DENIES")
			.doesNotContain("syria-government")
			.doesNotContain("syrian-air-force");
		assertThat(claim.disclosures).isEmpty();
		assertThat(opened(reread(claim, monitor))).contains("Deir Hafer", "DENIES", "syria-government");
		Entry merge = await("incident-merged", id);
		assertThat(merge.body.toString()).doesNotContain("Maskanah").doesNotContain(other);
		assertThat(merge.disclosures).isEmpty();
		assertThat(opened(reread(merge, monitor))).contains("Maskanah", other);
	}

	@Test
	void aBesiegedAreaIsPublicButNotWhoRecordedIt() {
		Http.Response created = monitor.postJson("/api/besieged-areas", """
				{"name": "Madaya", "status": "BESIEGED", "population": 40000, "asOf": "2016-01-10",
				 "besiegers": ["syria-government"], "sourceNote": "OCHA estimate",
				 "area": {"type": "Polygon", "coordinates": [[[36.09, 33.68], [36.12, 33.68], [36.12, 33.70],
				          [36.09, 33.70], [36.09, 33.68]]]}}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String recordedBy = monitorUserId();

		Entry recorded = await("besieged-area-recorded", id);
		assertThat(recorded.body.get("name").asString()).as("public, as on the map").isEqualTo("Madaya");
		assertThat(recorded.body.get("population").asLong()).isEqualTo(40000);
		assertThat(recorded.body.has("recordedBy")).isFalse();
		assertThat(recorded.body.toString()).doesNotContain(recordedBy);
		assertThat(opened(reread(recorded, monitor))).contains(recordedBy);
	}

	/** The monitor's user id, as a restriction it records names it. */
	private static String monitorUserId() {
		Http.Response r = monitor.postJson("/api/movement-restrictions", """
				{"kind": "DENIAL", "at": "2016-01-10T09:00:00+03:00", "restrictedBy": "ypg",
				 "place": {"name": "x", "latitude": 36.3, "longitude": 37.3}, "patrol": "p"}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("recordedBy").asString();
	}

	// ---------------------------------------------------------------- helpers

	/** An entry as a reader gets it from /ledger/entries. */
	record Entry(long index, String kind, String subject, String text, JsonNode body, JsonNode disclosures) {

	}

	private static String opened(Entry e) {
		return e.disclosures.toString();
	}

	private static Entry reread(Entry e, Http reader) {
		return entries(reader, e.index, e.index + 1).get(0);
	}

	private static List<Entry> entries(Http reader, long start, long end) {
		Http.Response r = reader.get("/ledger/entries?start=" + start + "&end=" + end);
		assertThat(r.status()).as("%s", r).isEqualTo(200);
		List<Entry> out = new ArrayList<>();
		for (JsonNode e : r.json()) {
			String text = e.get("entry").asString();
			out.add(new Entry(e.get("index").asLong(), e.get("kind").asString(), e.get("subject").asString(), text,
					JSON.readTree(text).get("body"), e.get("disclosures")));
		}
		return out;
	}

	private static Entry await(String kind, String subject) {
		return await(kind, subject, e -> true);
	}

	/**
	 * The first entry of this kind (and subject, when given) that the public reads and
	 * that a monitor sees matching {@code which}.
	 */
	private static Entry await(String kind, String subject, java.util.function.Predicate<Entry> which) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			long size = truce.bean(Ledger.class).size();
			List<Entry> seen = entries(monitor, 0, size);
			List<Entry> shown = entries(anyone, 0, size);
			for (int i = 0; i < seen.size(); i++) {
				Entry e = seen.get(i);
				if (e.kind.equals(kind) && (subject == null || subject.equals(e.subject)) && which.test(e)) {
					return shown.get(i);
				}
			}
			sleep();
		}
		throw new AssertionError("no " + kind + " entry of " + subject + " in time");
	}

	private static String submit(String type, double lat, double lon, String at, String actor, String source) {
		String json = "{\"eventType\": \"" + type + "\", \"when\": {\"start\": \"" + at
				+ "\", \"precision\": \"EXACT\"}," + " \"where\": {\"latitude\": " + lat + ", \"longitude\": " + lon
				+ ", \"precision\": \"SURVEYED\"}," + (actor == null ? "" : " \"actor\": \"" + actor + "\",")
				+ " \"source\": \"" + source + "\"," + " \"narrative\": \"test\", \"externalId\": \""
				+ UUID.randomUUID() + "\"}";
		Http.Response r = monitor.postJson("/api/reports", json);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asString();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
