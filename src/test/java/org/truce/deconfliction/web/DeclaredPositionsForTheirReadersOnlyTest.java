package org.truce.deconfliction.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position declared on the page, by its form, over HTTP: the map layer
 * ({@code /api/map/positions}) shows it to the co-chairs and the declaring side, and to
 * nobody else (the public, monitors, notifiers, another side's liaison get an empty
 * collection); once withdrawn it leaves the layer and stays listed on the page. A form
 * with a time that is no time is refused on the page, naming the field.
 */
class DeclaredPositionsForTheirReadersOnlyTest {

	private static final String AREA = "{\"type\": \"Polygon\", \"coordinates\": [[[37.0, 36.3], [37.3, 36.3],"
			+ " [37.3, 36.5], [37.0, 36.5], [37.0, 36.3]]]}";

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.UNITED_STATES, Parties.RUSSIA, Parties.SYRIA_GOVERNMENT);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void theLayerShowsADeclarationToTheCoChairsAndItsSideOnlyUntilItIsWithdrawn() {
		Http usCoChair = truce.http("co-chair:united-states");
		Http.Response declared = usCoChair.post("/positions", "application/x-www-form-urlencoded",
				Http.form("side", "united-states", "label", "Advisers", "area", AREA, "from", "2016-09-19T06:00", "to",
						"2016-09-20T06:00+03:00"),
				false);
		assertThat(declared.status()).as(declared.toString()).isEqualTo(303);
		String location = declared.location().orElseThrow();
		assertThat(location).contains("/positions?declared=");
		String id = location.substring(location.indexOf('=') + 1);

		Http.Response mine = usCoChair.get("/api/map/positions");
		assertThat(mine.json().get("features")).hasSize(1);
		assertThat(mine.json().get("features").get(0).get("id").asString()).isEqualTo(id);
		assertThat(mine.json().get("features").get(0).get("properties").get("from").asString())
			.as("06:00 in Damascus, the scenario's zone (UTC+3)")
			.isEqualTo("2016-09-19T03:00:00Z");
		assertThat(mine.json().get("features").get(0).get("properties").get("to").asString())
			.isEqualTo("2016-09-20T03:00:00Z");
		assertThat(mine.json().get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Polygon");
		assertThat(features(truce.http("co-chair:russia"))).as("another sponsor's co-chair").isEqualTo(1);
		assertThat(features(truce.http("liaison:united-states"))).as("the declaring side's liaison").isEqualTo(1);

		assertThat(features(truce.http())).as("the public").isZero();
		assertThat(features(truce.http("monitor"))).as("a monitor").isZero();
		assertThat(features(truce.http("notifier"))).as("a notifier").isZero();
		assertThat(features(truce.http("liaison:syria-government"))).as("another side's liaison").isZero();
		Http.Response otherSidesPage = truce.http("liaison:syria-government").get("/positions");
		assertThat(otherSidesPage.status()).isEqualTo(200);
		assertThat(otherSidesPage.body()).doesNotContain(id).contains("id=\"no-positions\"");

		Http.Response withdrawn = usCoChair.post("/positions/" + id + "/withdrawal",
				"application/x-www-form-urlencoded", new byte[0], false);
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(303);
		assertThat(features(usCoChair)).as("withdrawn").isZero();
		Http.Response page = usCoChair.get("/positions");
		assertThat(page.body()).contains("id=\"position-" + id + "\"").contains("WITHDRAWN");
	}

	@Test
	void aTimeThatIsNoTimeIsRefusedOnThePageNamingTheField() {
		Http.Response refused = truce.http("liaison:syria-government")
			.post("/positions", "application/x-www-form-urlencoded",
					Http.form("area", AREA, "from", "yesterday", "to", "2016-09-20T06:00"), false);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.body()).contains("data-field=\"from\"").contains("data-code=\"INVALID_VALUE\"");
		assertThat(features(truce.http("co-chair:russia"))).as("nothing declared").isZero();
	}

	private static int features(Http http) {
		Http.Response r = http.get("/api/map/positions");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.json().get("type").asString()).isEqualTo("FeatureCollection");
		return r.json().get("features").size();
	}

}
