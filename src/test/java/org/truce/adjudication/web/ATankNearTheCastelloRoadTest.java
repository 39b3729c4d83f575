package org.truce.adjudication.web;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.TheDemo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test 7(d) of issue 14, over HTTP on the demo scenario: the September 2016
 * arrangement's withdrawal from the Castello Road, whose distances differ by class of
 * equipment and by side of the road (scenarios/syria-2016/agreements/
 * syria-arrangement-2016-09.yaml). A government tank 2 km north of the road on 15
 * September 2016 is nearer than the 3,500 m heavy weapons must keep: a violation, with
 * the distance given. Government personnel 800 m south of the road are beyond their 500
 * m: no violation.
 *
 * <p>
 * The points are 2,000 m and 800 m from the road as the scenario draws it, measured at
 * right angles from its middle segment (between [37.1400, 36.2610] and [37.1520,
 * 36.2590]); the reports are a monitor's, surveyed to 100 m.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class ATankNearTheCastelloRoadTest {

	static final String TERM = "syria-arrangement-2016-09/castello-demilitarised-zone";

	private static RunningTruce truce;

	@BeforeAll
	static void theDemoScenario(TheDemo demo) {
		truce = demo.truce();
		truce.bean(Sources.class)
			.save(new Source("monitor", "Monitor on the ground", SourceKind.MONITOR, Reliability.B));
	}

	@Test
	void aGovernmentTankTwoKilometresNorthOfTheRoadIsAViolationWithItsDistance() throws Exception {
		Http http = truce.http().withToken(truce.token("monitor"));
		Http.Response created = http.postJson("/api/reports", report(36.27765, 37.15053, "heavy_weapons",
				"castello-tank-north", "A government tank seen 2 km north of the Castello Road."));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("equipment").get("code").asString()).isEqualTo("heavy_weapons");

		JsonNode finding = awaitFinding(http, "castello-tank-north");
		assertThat(finding.get("outcome").asString()).as(finding.toString()).isEqualTo("VIOLATION");
		JsonNode distance = reason(finding, "WITHIN_WITHDRAWAL_DISTANCE");
		assertThat(distance.get("data").get("distanceMetres").asLong()).isBetween(1990L, 2010L);
		assertThat(distance.get("data").get("side").asString()).isEqualTo("north");
		assertThat(distance.get("data").get("equipmentClass").asString()).isEqualTo("heavy_weapons");
		assertThat(distance.get("detail").asString()).contains("m north of castello-road")
			.contains("heavy_weapons must keep 3500 m");
		assertThat(reason(finding, "PERPETRATOR_BOUND").get("data").get("boundThrough").asString())
			.isEqualTo("syria-government");
	}

	@Test
	void governmentPersonnelEightHundredMetresSouthOfTheRoadAreNoViolation() throws Exception {
		Http http = truce.http().withToken(truce.token("monitor"));
		Http.Response created = http.postJson("/api/reports", report(36.25294, 37.14419, "personnel",
				"castello-personnel-south", "Government soldiers seen 800 m south of the Castello Road."));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		JsonNode finding = awaitFinding(http, "castello-personnel-south");
		assertThat(finding.get("outcome").asString()).as(finding.toString()).isEqualTo("NO_VIOLATION");
		JsonNode distance = reason(finding, "BEYOND_WITHDRAWAL_DISTANCE");
		assertThat(distance.get("data").get("distanceMetres").asLong()).isBetween(790L, 810L);
		assertThat(distance.get("data").get("side").asString()).isEqualTo("south");
	}

	@Test
	void anUnknownEquipmentClassIsRefusedWithItsField() {
		Http http = truce.http().withToken(truce.token("monitor"));
		Http.Response refused = http.postJson("/api/reports",
				report(36.27765, 37.15053, "tanks", "castello-unknown-class", "A tank."));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.toString()).contains("UNKNOWN_EQUIPMENT_CLASS").contains("equipment");
	}

	private static String report(double latitude, double longitude, String equipment, String externalId,
			String narrative) {
		return """
				{"eventType": "weapons_in_restricted_area",
				 "when": {"start": "2016-09-15T11:00:00+03:00"},
				 "where": {"latitude": %s, "longitude": %s, "precision": "surveyed"},
				 "actor": "Syrian Arab Army", "equipment": "%s",
				 "narrative": "%s", "source": "monitor", "externalId": "%s"}""".formatted(latitude, longitude,
				equipment, narrative, externalId);
	}

	private static JsonNode reason(JsonNode finding, String code) {
		for (JsonNode r : finding.get("reasons")) {
			if (code.equals(r.get("code").asString())) {
				return r;
			}
		}
		throw new AssertionError("no reason " + code + " in " + finding);
	}

	private static JsonNode awaitFinding(Http http, String externalId) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			JsonNode items = http.get("/api/findings?term=" + TERM + "&limit=500").json().get("items");
			for (JsonNode f : items) {
				if (f.get("externalIds").toString().contains("\"" + externalId + "\"")) {
					return f;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no finding under " + TERM + " for " + externalId + " within 60 s");
	}

}
