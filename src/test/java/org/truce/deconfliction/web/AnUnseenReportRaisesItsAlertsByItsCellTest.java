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
 * Whether an alert exists tells a reader who may not read its report nothing finer than
 * the report's grid cell, for a report from a source not at risk too (issue 15). The US
 * liaison declares a small position, a point by Aleppo, and a notifier a clinic at the
 * same point; the monitoring team (not at risk) reports, unpublished, two strikes by the
 * Syrian government in one 0.1° cell, one 280 m from the point and one 8 km off, and a
 * strike by the United States 8 km off. The US side may not read the government's
 * strikes: it gets an alert for each, the far one too, alike but for ids and times, so
 * moving a strike within its cell changes nothing it can obtain. It may read its own
 * strike exactly, so that strike is matched by its point and raises no alert for it. The
 * staff, who read every report exactly, get only the near strike's alerts; the notifier
 * and the webhook (the public), who read none of the three, get the cell of each.
 */
class AnUnseenReportRaisesItsAlertsByItsCellTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The position and the clinic: a point, within 1 km of which a strike raises an
	 * alert.
	 */
	private static final String POINT = "{\"type\": \"Point\", \"coordinates\": [37.112, 36.212]}";

	private static RunningTruce truce;

	private static String near;

	private static String far;

	private static String ownFar;

	private static String subscription;

	/** The notifier of the clinic: a notifier reads the alerts about what it notified. */
	private static Http notifier;

	private static final List<JsonNode> streamedToTheSide = new ArrayList<>();

	private static final List<JsonNode> streamedToTheStaff = new ArrayList<>();

	@BeforeAll
	static void aPositionAClinicAndThreeStrikes() throws Exception {
		truce = RunningTruce.sqlite(true,
				Map.of("truce.webhooks.allowed-targets", "127.0.0.1/32", "truce.webhooks.poll-ms", 100000));
		truce.register(Parties.UNITED_STATES, Parties.RUSSIA, Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class).save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
		Http.Response subscribed = truce.http("admin")
			.postJson("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\"}");
		assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
		subscription = subscribed.json().get("id").asString();
		notifier = truce.http("notifier");
		Http.Response site = notifier.postJson("/api/notifications", """
				{"kind": "SITE", "name": "Clinic by the position", "siteKind": "CLINIC",
				 "geometry": %s, "parties": ["syria-government"]}""".formatted(POINT));
		assertThat(site.status()).as(site.toString()).isEqualTo(201);
		Http.Response declared = truce.http("liaison:united-states").postJson("/api/positions", """
				{"label": "Advisers", "area": %s,
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""".formatted(POINT));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

		try (AlertStreamReader side = new AlertStreamReader(truce.baseUri(), truce.token("liaison:united-states"))
			.awaitConnected();
				AlertStreamReader staff = new AlertStreamReader(truce.baseUri(), truce.token("co-chair:russia"))
					.awaitConnected()) {
			Http monitor = truce.http("monitor");
			near = AlertsAsRead.strike(monitor, "monitors", "Government of Syria", 36.21, 37.11);
			far = AlertsAsRead.strike(monitor, "monitors", "Government of Syria", 36.28, 37.18);
			ownFar = AlertsAsRead.strike(monitor, "monitors", "United States", 36.28, 37.18);
			read(side, streamedToTheSide);
			read(staff, streamedToTheStaff);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void theSideGetsTheCellOfEachStrikeItMayNotReadWhereverItLiesInTheCell() {
		List<JsonNode> alerts = AlertsAsRead.about(truce.http("liaison:united-states"), "declared-position");

		assertThat(alerts).as("the near and the far strike of the government, by their cell").hasSize(2);
		for (JsonNode a : alerts) {
			assertThat(a.has("cell")).isTrue();
			assertThat(a.has("report")).isFalse();
			assertThat(a.has("where")).isFalse();
			assertThat(a.has("distanceMetres")).isFalse();
		}
		assertThat(AlertsAsRead.withoutIdAndTime(alerts.get(0)))
			.as("moving a strike within its cell changes nothing the side reads")
			.isEqualTo(AlertsAsRead.withoutIdAndTime(alerts.get(1)));
		assertThat(alerts.toString()).doesNotContain(near).doesNotContain(far).doesNotContain("36.28");
	}

	@Test
	void aStrikeTheSideMayReadIsMatchedByItsPoint() {
		List<JsonNode> alerts = AlertsAsRead.about(truce.http("liaison:united-states"), "declared-position");

		assertThat(alerts.toString()).as("its own strike is 8 km off: no alert, as by its point")
			.doesNotContain(ownFar);
		assertThat(alerts).noneMatch(a -> a.has("report"));
	}

	@Test
	void theStaffReadEveryStrikeExactlyAndSoGetOnlyTheAlertsOfItsPoint() {
		Http coChair = truce.http("co-chair:russia");
		Http monitor = truce.http("monitor");

		List<JsonNode> positionAlerts = AlertsAsRead.about(coChair, "declared-position");
		List<JsonNode> siteAlerts = AlertsAsRead.about(monitor, "site");

		for (List<JsonNode> alerts : List.of(positionAlerts, siteAlerts)) {
			assertThat(alerts).hasSize(1);
			assertThat(alerts.get(0).get("report").asString()).isEqualTo(near);
			assertThat(alerts.get(0).get("where").get("latitude").asDouble()).isEqualTo(36.21);
			assertThat(alerts.get(0).get("proximity").asString()).isEqualTo("WITHIN");
		}
	}

	@Test
	void aPageOfTheStaffsAlertsIsFullThoughNewerAlertsAreForOthers() {
		// The alerts of the far strikes, raised after the near strike's, are for readers
		// who
		// may not read those strikes exactly: the staff's page skips them, before its
		// limit.
		Http.Response page = truce.http("co-chair:russia").get("/api/alerts?limit=1");

		assertThat(page.status()).isEqualTo(200);
		JsonNode items = page.json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("report").asString()).isEqualTo(near);
		assertThat(page.json().path("truncated").asBoolean()).as("the near strike raised a second alert").isTrue();
	}

	@Test
	void theNotifierReadsNoneOfTheStrikesAndGetsTheCellOfEach() {
		List<JsonNode> alerts = AlertsAsRead.about(notifier, "site");

		assertThat(alerts).hasSize(3);
		assertThat(alerts.stream().map(AlertsAsRead::withoutIdAndTime).distinct()).as("the three strikes read alike")
			.hasSize(1);
		assertThat(alerts.toString()).doesNotContain(near).doesNotContain(far).doesNotContain(ownFar);
	}

	@Test
	void theStreamsCarryWhatTheListsDo() {
		assertThat(streamedToTheSide).containsExactlyInAnyOrderElementsOf(
				AlertsAsRead.about(truce.http("liaison:united-states"), "declared-position"));
		List<JsonNode> staff = new ArrayList<>(AlertsAsRead.about(truce.http("co-chair:russia"), "declared-position"));
		staff.addAll(AlertsAsRead.about(truce.http("co-chair:russia"), "site"));
		assertThat(streamedToTheStaff).containsExactlyInAnyOrderElementsOf(staff);
		assertThat(streamedToTheStaff).hasSize(2);
	}

	@Test
	void aWebhookGetsTheCellOfEachStrikeThePublicMayNotRead() {
		JsonNode deliveries = truce.http("admin")
			.get("/api/webhooks/" + subscription + "/deliveries")
			.json()
			.get("items");
		List<JsonNode> bodies = new ArrayList<>();
		deliveries.forEach(d -> bodies.add(JSON.readTree(d.get("body").asString())));

		assertThat(bodies).as("the clinic's alerts: every strike of the cell").hasSize(3);
		assertThat(bodies.stream().map(AlertsAsRead::withoutIdAndTime).distinct()).hasSize(1);
		assertThat(bodies.toString()).doesNotContain(near).doesNotContain(far).doesNotContain(ownFar);
	}

	private static void read(AlertStreamReader stream, List<JsonNode> into) throws Exception {
		JsonNode next;
		while ((next = stream.next(Duration.ofSeconds(3))) != null) {
			into.add(next);
		}
	}

}
