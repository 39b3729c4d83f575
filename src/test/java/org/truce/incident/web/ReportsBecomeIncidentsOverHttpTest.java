package org.truce.incident.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports clustered into incidents by the server on its own, and an analyst's and the
 * sides' work on them, over HTTP as clients do it.
 */
class ReportsBecomeIncidentsOverHttpTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static Http liaison;

	private static Http coChair;

	@BeforeAll
	static void aServerThatClustersWithTheAleppoPause() throws IOException {
		truce = RunningTruce.sqlite(true, Map.of("truce.clustering.background", "true"));
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("syrian-air-force", "Syrian Air Force", ActorType.STATE_FORCE, "syria-government",
							List.of("Syrian Air Force")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of("US"))));
		Sources sources = truce.bean(Sources.class);
		sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		sources.save(new Source("sarc", "Syrian Arab Red Crescent", SourceKind.NGO, Reliability.B));
		try (InputStream in = ReportsBecomeIncidentsOverHttpTest.class.getClassLoader()
			.getResourceAsStream("scenarios/syria-2016/agreements/aleppo-pause-2016-10.yaml")) {
			assertThat(truce.bean(AgreementCatalogue.class)
				.load("aleppo-pause-2016-10.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.errors()).isEmpty();
		}
		monitor = truce.http("monitor");
		liaison = truce.http("liaison:syria-government");
		coChair = truce.http("co-chair:united-states");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void twoSourcesDescribingOneStrikeBecomeOneCorroboratedIncidentWhoseLedgerEntrySaysWhy() {
		String first = submit("air_drone_strike", 36.2100, 37.1500, "2016-10-21T10:00:00+03:00", "Syrian Air Force",
				"monitors");
		String second = submit("air_drone_strike", 36.2150, 37.1530, "2016-10-21T11:30:00+03:00", null, "sarc");

		JsonNode incident = await("/api/incidents/" + second, i -> i.get("reports").size() == 2);

		assertThat(incident.get("id").asString()).isEqualTo(first);
		assertThat(incident.get("grade").get("code").asString()).isEqualTo("CORROBORATED");
		assertThat(incident.get("actor").get("actorId").asString()).isEqualTo("syrian-air-force");
		LedgerStore ledger = truce.bean(LedgerStore.class);
		assertThat(ledger.indexOf("incident-created", first)).isPresent();
		long grew = ledger.indexOf("incident-reports-added", first).orElseThrow();
		String entry = ledger.entries(grew, grew + 1).get(0).canonicalJson();
		assertThat(entry).as("the entry states the rules in the clear").contains("rules");
		assertThat(entry).as("and commits to the distances between reports").doesNotContain("distanceMetres");
		String why = truce.bean(Ledger.class)
			.disclosures(grew, grew + 1, DisclosurePolicy.ALL)
			.get(0)
			.disclosure()
			.canonicalValue();
		assertThat(why).as("the entry names the report matched and how far apart, opened for staff")
			.contains("\"with\":\"" + first + "\"", "distanceMetres", "gapSeconds");
	}

	@Test
	void theBackgroundWorkMeasuresItsLagAndHowManyChangesWait() {
		MeterRegistry meters = truce.bean(MeterRegistry.class);
		Timer lag = meters.get("truce.background.lag").tag("work", "clustering").timer();
		long before = lag.count();

		String id = submit("armed_clash", 36.1000, 37.0500, "2016-10-23T08:00:00+03:00", null, "monitors");
		await("/api/incidents/" + id, i -> true);

		assertThat(lag.count()).as("the report's wait for its incident is measured").isGreaterThan(before);
		assertThat(lag.max(TimeUnit.NANOSECONDS)).isPositive();
		assertThat(meters.get("truce.background.queued").tag("work", "clustering").gauge().value()).isZero();
		assertThat(meters.get("truce.background.queued").tag("work", "adjudication").gauge()).isNotNull();
		assertThat(meters.get("truce.background.lag").tag("work", "adjudication").timer()).isNotNull();
	}

	@Test
	void differentPerpetratorsBecomeACandidateLinkThatAnAnalystConfirmsWithAReasonMakingAttributionContested() {
		String a = submit("shelling_artillery_missile_attack", 36.1800, 37.1000, "2016-10-20T09:00:00+03:00",
				"Syrian government", "monitors");
		String b = submit("shelling_artillery_missile_attack", 36.1810, 37.1010, "2016-10-20T09:30:00+03:00", "Russia",
				"sarc");
		JsonNode links = awaitLink(a, b);
		String link = links.get("id").asString();
		assertThat(links.get("reasons").toString()).contains("DIFFERENT_PERPETRATORS");

		Http.Response noReason = monitor.postJson("/api/candidate-links/" + link + "/decision", "{\"confirm\": true}");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.field()).isEqualTo("reason");

		Http.Response confirmed = monitor.postJson("/api/candidate-links/" + link + "/decision",
				"{\"confirm\": true, \"reason\": \"Same barrage, two accounts of who fired.\"}");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(monitor
			.postJson("/api/candidate-links/" + link + "/decision", "{\"confirm\": false, \"reason\": \"late\"}")
			.status()).as("a link is decided once").isEqualTo(409);

		JsonNode merged = monitor.get("/api/incidents/" + a).json();
		assertThat(merged.get("reports").size()).isEqualTo(2);
		assertThat(merged.get("attribution").get("contested").asBoolean()).isTrue();
		assertThat(merged.get("grade").get("code").asString()).isEqualTo("CONTESTED");
		assertThat(monitor.get("/api/incidents/" + b).json().get("id").asString())
			.as("the id of the incident merged away leads to the one it went into")
			.isEqualTo(merged.get("id").asString());
	}

	@Test
	void eachSidesClaimIsKeptApartAndAContradictionMakesTheFindingUndeterminedAndSaysWhy() {
		String id = submit("air_drone_strike", 36.2050, 37.1400, "2016-10-22T12:00:00+03:00", "Syrian Air Force",
				"monitors");
		await("/api/incidents/" + id, i -> true);

		Http.Response us = coChair.postJson("/api/incidents/" + id + "/claims",
				"{\"position\": \"ATTRIBUTES\", \"actor\": \"syrian-air-force\", \"statement\": \"Our radar saw"
						+ " two Su-24s.\"}");
		assertThat(us.status()).as(us.toString()).isEqualTo(201);
		assertThat(liaison
			.postJson("/api/incidents/" + id + "/claims",
					"{\"position\": \"DENIES\", \"actor\": \"syrian-air-force\", \"statement\": \"No sorties that"
							+ " day.\"}")
			.status()).isEqualTo(201);

		JsonNode incident = monitor.get("/api/incidents/" + id).json();
		assertThat(incident.get("claims").size()).isEqualTo(2);
		assertThat(incident.get("claims").toString()).contains("united-states", "syria-government");
		assertThat(incident.get("attribution").get("conflicts").get(0).asString()).contains("syria-government denies",
				"united-states says");
		assertThat(incident.get("grade").get("code").asString()).isEqualTo("CONTESTED");
		JsonNode findings = awaitFindings(id,
				f -> f.toString().contains("ATTRIBUTION_CONTESTED") && f.toString().contains("UNDETERMINED"));
		assertThat(findings.toString()).contains("Attribution is contested");
	}

	@Test
	void anAnalystSplitsAReportOffWithAReasonAndAStaleVersionIsRefused() {
		String first = submit("armed_clash", 36.1500, 37.2000, "2016-10-22T08:00:00+03:00", null, "monitors");
		String second = submit("armed_clash", 36.1505, 37.2005, "2016-10-22T08:20:00+03:00", null, "sarc");
		JsonNode incident = await("/api/incidents/" + first, i -> i.get("reports").size() == 2);
		int version = incident.get("version").asInt();

		Http.Response noReason = monitor.postJson("/api/incidents/" + first + "/split",
				"{\"reports\": [\"" + second + "\"], \"version\": " + version + "}");
		assertThat(noReason.status()).isEqualTo(422);
		Http.Response stale = monitor.postJson("/api/incidents/" + first + "/split", "{\"reports\": [\"" + second
				+ "\"], \"reason\": \"Two clashes.\", \"version\": " + (version - 1) + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.field()).isEqualTo("version");

		Http.Response split = monitor.postJson("/api/incidents/" + first + "/split",
				"{\"reports\": [\"" + second + "\"], \"reason\": \"Two clashes an hour apart.\"}", "If-Match",
				"\"" + version + "\"");
		assertThat(split.status()).as(split.toString()).isEqualTo(201);
		assertThat(split.json().get("id").asString()).isEqualTo(second);
		assertThat(monitor.get("/api/incidents/" + first).json().get("reports").size()).isEqualTo(1);
		assertThat(liaison.postJson("/api/incidents/" + first + "/split", "{}").status()).isEqualTo(403);
	}

	@Test
	void evidenceKeepsTheDigestTruceComputedItsMediaTypeAndWhenItArrived() throws Exception {
		String id = submit("air_drone_strike", 36.2400, 37.1800, "2016-10-21T16:00:00+03:00", null, "monitors");
		await("/api/incidents/" + id, i -> true);
		byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

		Http.Response sent = monitor.post("/api/incidents/" + id + "/evidence?name=crater.jpg", "image/jpeg", photo,
				false);

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
		assertThat(sent.json().get("sha256").asString()).isEqualTo(sha);
		assertThat(sent.json().get("mediaType").asString()).isEqualTo("image/jpeg");
		assertThat(sent.json().get("receivedAt").asString()).isNotBlank();
		assertThat(monitor.get("/api/incidents/" + id).json().get("evidence").get(0).get("sha256").asString())
			.isEqualTo(sha);
		assertThat(monitor.get("/api/incidents/" + id + "/evidence/" + sha).body())
			.isEqualTo(new String(photo, StandardCharsets.UTF_8));
		assertThat(liaison.get("/api/incidents/" + id).status()).as("the report names nobody of the liaison's side")
			.isEqualTo(404);
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

	private static JsonNode await(String path, Predicate<JsonNode> until) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Http.Response last = null;
		while (System.nanoTime() < deadline) {
			last = monitor.get(path);
			if (last.status() == 200 && until.test(last.json())) {
				return last.json();
			}
			sleep();
		}
		throw new AssertionError("not there in time: " + path + " last " + last);
	}

	private static JsonNode awaitLink(String a, String b) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			for (JsonNode link : monitor.get("/api/candidate-links").json()) {
				String pair = link.get("reportA").asString() + link.get("reportB").asString();
				if (pair.contains(a) && pair.contains(b)) {
					return link;
				}
			}
			sleep();
		}
		throw new AssertionError("no candidate link between " + a + " and " + b);
	}

	private static JsonNode awaitFindings(String incident, Predicate<JsonNode> until) {
		return await("/api/incidents/" + incident + "/findings", until);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
