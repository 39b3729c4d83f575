package org.truce.deconfliction.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert reveals no more of a report than its reader may read (issue 15, part 3). The
 * US liaison declares a small position, a point by Aleppo; a field monitor whose identity
 * is at risk reports two strikes by the Syrian government in the same grid cell (0.1°):
 * one 280 m from the position, one 8 km off. The US side may not see them, so each alert
 * to it carries the cell only, and both alerts are the same but for their ids and times:
 * moving the report within its cell changes nothing the side can read, and a small
 * position locates nothing finer than the cell. The co-chairs still see the exact point.
 * A strike on the US side's own forces, from a source not at risk, the side may read: its
 * alert carries the report, its point and the distance. The event stream and the webhook
 * bodies are cut the same way.
 */
class AnAlertShowsOnlyTheCellOfAReportItsReaderMayNotSeeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The position: a point, within 1 km of which a strike raises an alert. */
	private static final String POSITION = "{\"type\": \"Point\", \"coordinates\": [37.112, 36.212]}";

	private static RunningTruce truce;

	private static String near;

	private static String far;

	private static String own;

	private static final List<JsonNode> streamed = new ArrayList<>();

	private static String subscription;

	@BeforeAll
	static void aPositionAndThreeStrikes() throws Exception {
		truce = RunningTruce.sqlite(true,
				Map.of("truce.webhooks.allowed-targets", "127.0.0.1/32", "truce.webhooks.poll-ms", 100000));
		truce.register(Parties.UNITED_STATES, Parties.RUSSIA, Parties.SYRIA_GOVERNMENT);
		Sources sources = truce.bean(Sources.class);
		sources.save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
		sources.save(
				new Source("field", "Field monitor Bashir", SourceKind.MONITOR, Reliability.B, true, "+963 555 0101"));
		Http admin = truce.http("admin");
		Http.Response subscribed = admin.postJson("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\"}");
		assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
		subscription = subscribed.json().get("id").asString();
		Http.Response site = truce.http("notifier").postJson("/api/notifications", """
				{"kind": "SITE", "name": "Clinic by the position", "siteKind": "CLINIC",
				 "geometry": %s, "parties": ["syria-government"]}""".formatted(POSITION));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
		Http.Response declared = truce.http("liaison:united-states").postJson("/api/positions", """
				{"label": "Advisers", "area": %s,
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""".formatted(POSITION));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

		try (AlertStreamReader stream = new AlertStreamReader(truce.baseUri(), truce.token("liaison:united-states"))
			.awaitConnected()) {
			Http monitor = truce.http("monitor");
			near = strike(monitor, "field", "Government of Syria", 36.21, 37.11);
			far = strike(monitor, "field", "Government of Syria", 36.28, 37.18);
			own = strike(monitor, "monitors", "United States", 36.21, 37.11);
			for (int i = 0; i < 3; i++) {
				JsonNode next = stream.next(Duration.ofSeconds(10));
				if (next != null) {
					streamed.add(next);
				}
			}
		}
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void anAtRiskStrikeOfAnotherSideReachesTheSideAsItsCellOnly() {
		List<JsonNode> alerts = positionAlerts(truce.http("liaison:united-states"));

		assertThat(alerts).as("both strikes in the cell, the far one too: matched by the cell").hasSize(3);
		List<JsonNode> cellOnly = alerts.stream().filter(a -> a.has("cell")).toList();
		assertThat(cellOnly).hasSize(2);
		for (JsonNode a : cellOnly) {
			assertThat(a.has("where")).isFalse();
			assertThat(a.has("report")).isFalse();
			assertThat(a.has("distanceMetres")).isFalse();
			assertThat(a.get("cell").get("south").asDouble()).isEqualTo(36.2);
			assertThat(a.get("cell").get("north").asDouble()).isEqualTo(36.3);
			assertThat(a.get("cell").get("west").asDouble()).isEqualTo(37.1);
			assertThat(a.get("cell").get("east").asDouble()).isEqualTo(37.2);
			assertThat(a.get("distanceBand").get("minMetres").asLong()).isZero();
			assertThat(a.get("proximity").asString()).isEqualTo("POSSIBLY_WITHIN");
			assertThat(a.toString()).doesNotContain("36.21,")
				.doesNotContain("36.28")
				.doesNotContain(near)
				.doesNotContain(far);
		}
	}

	@Test
	void movingTheStrikeWithinItsCellChangesNothingTheSideReads() {
		List<JsonNode> alerts = positionAlerts(truce.http("liaison:united-states"));
		List<JsonNode> cellOnly = alerts.stream()
			.filter(a -> a.has("cell"))
			.map(AlertsAsRead::withoutIdAndTime)
			.toList();

		assertThat(cellOnly).hasSize(2);
		assertThat(cellOnly.get(0)).isEqualTo(cellOnly.get(1));
	}

	@Test
	void theCoChairsStillSeeTheExactPoint() {
		List<JsonNode> alerts = positionAlerts(truce.http("co-chair:russia"));

		assertThat(alerts.stream()
			.filter(a -> near.equals(text(a, "report")))
			.findFirst()
			.orElseThrow()
			.get("where")
			.get("latitude")
			.asDouble()).isEqualTo(36.21);
	}

	@Test
	void aStrikeTheSideMayReadKeepsItsReportPointAndDistance() {
		JsonNode mine = positionAlerts(truce.http("liaison:united-states")).stream()
			.filter(a -> own.equals(text(a, "report")))
			.findFirst()
			.orElseThrow();

		assertThat(mine.get("where").get("latitude").asDouble()).isEqualTo(36.21);
		assertThat(mine.get("where").get("longitude").asDouble()).isEqualTo(37.11);
		assertThat(mine.get("distanceMetres").asLong()).isBetween(250L, 310L);
		assertThat(mine.get("proximity").asString()).isEqualTo("WITHIN");
		assertThat(mine.has("cell")).isFalse();
	}

	@Test
	void theStreamCarriesWhatTheListDoes() {
		List<JsonNode> listed = positionAlerts(truce.http("liaison:united-states"));

		assertThat(streamed).hasSize(3);
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(listed);
		assertThat(streamed.toString()).doesNotContain(near).doesNotContain(far).doesNotContain("36.28");
	}

	@Test
	void webhookBodiesCarryTheCellOfWhatThePublicMayNotSee() {
		JsonNode deliveries = truce.http("admin")
			.get("/api/webhooks/" + subscription + "/deliveries")
			.json()
			.get("items");
		List<JsonNode> bodies = new ArrayList<>();
		deliveries.forEach(d -> bodies.add(JSON.readTree(d.get("body").asString())));

		assertThat(bodies).as("the clinic's alerts: the near strikes, and the far one by its cell").hasSize(3);
		for (JsonNode b : bodies) {
			assertThat(b.has("report")).as("nothing is published").isFalse();
			assertThat(b.has("distanceMetres")).isFalse();
			assertThat(b.get("cell").get("south").asDouble()).isEqualTo(36.2);
		}
		String all = bodies.toString();
		assertThat(all).doesNotContain(near).doesNotContain(far).doesNotContain(own).doesNotContain("36.28");
		List<JsonNode> atRisk = bodies.stream().map(AlertsAsRead::withoutIdAndTime).distinct().toList();
		assertThat(atRisk).as("the two at-risk strikes and the other read alike").hasSize(1);
	}

	private static String text(JsonNode a, String field) {
		return a.has(field) ? a.get(field).asString() : null;
	}

	private static List<JsonNode> positionAlerts(Http http) {
		return AlertsAsRead.about(http, "declared-position");
	}

	private static String strike(Http monitor, String source, String actor, double latitude, double longitude) {
		return AlertsAsRead.strike(monitor, source, actor, latitude, longitude);
	}

}
