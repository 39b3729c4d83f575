package org.truce.deconfliction.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.ledger.application.Ledger;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declared positions are bounded, with the defaults (1,000 km², 31 days): the confirmed
 * leak of issue 15 began with a liaison declaring a position over the whole country,
 * whose alerts then placed every violent report. Such a declaration, or one over two
 * months, is refused with 422 naming the field and the limit, over the API and on the
 * page, and nothing is stored or appended to the ledger.
 */
class DeclaredPositionsAreBoundedTest {

	/** Syria, roughly: about 6.7° by 5°, some 300,000 km². */
	static final String WHOLE_COUNTRY = "{\"type\": \"Polygon\", \"coordinates\": [[[35.7, 32.3], [42.4, 32.3],"
			+ " [42.4, 37.3], [35.7, 37.3], [35.7, 32.3]]]}";

	/** About 0.2° by 0.2° near Aleppo: some 400 km², a battalion's area. */
	static final String BATTALION_AREA = "{\"type\": \"Polygon\", \"coordinates\": [[[37.0, 36.1], [37.2, 36.1],"
			+ " [37.2, 36.3], [37.0, 36.3], [37.0, 36.1]]]}";

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.UNITED_STATES, Parties.RUSSIA, Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class)
			.save(new Source("field", "Field monitor", SourceKind.MONITOR, Reliability.B, true, "+963 555 0101"));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aPositionOverTheWholeCountryIsRefusedAndNothingIsStored() {
		Http liaison = truce.http("liaison:united-states");
		long before = truce.bean(Ledger.class).size();

		Http.Response refused = liaison.postJson("/api/positions", """
				{"label": "Everywhere", "area": %s,
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""".formatted(WHOLE_COUNTRY));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.code()).isEqualTo("POSITION_TOO_LARGE");
		assertThat(refused.field()).isEqualTo("area");
		assertThat(refused.json().toString()).contains("1000 km²");
		assertThat(truce.bean(Ledger.class).size()).as("nothing appended").isEqualTo(before);
		assertThat(liaison.get("/api/positions").json().get("items")).as("nothing stored").isEmpty();
		assertThat(truce.http("co-chair:russia").get("/api/positions").json().get("items").findValuesAsString("label"))
			.doesNotContain("Everywhere");
	}

	@Test
	void aPositionOverTwoMonthsIsRefusedNamingTheEndOfItsWindow() {
		Http liaison = truce.http("liaison:russia");
		long before = truce.bean(Ledger.class).size();

		Http.Response refused = liaison.postJson("/api/positions", """
				{"label": "All autumn", "area": %s,
				 "from": "2016-09-01T00:00:00Z", "to": "2016-11-01T00:00:00Z"}""".formatted(BATTALION_AREA));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("POSITION_WINDOW_TOO_LONG");
		assertThat(refused.field()).isEqualTo("to");
		assertThat(refused.json().toString()).contains("31 days");
		assertThat(truce.bean(Ledger.class).size()).as("nothing appended").isEqualTo(before);
		assertThat(liaison.get("/api/positions").json().get("items")).as("nothing stored").isEmpty();
	}

	@Test
	void aBattalionsAreaForAMonthIsDeclared() {
		Http.Response declared = truce.http("liaison:syria-government").postJson("/api/positions", """
				{"label": "4th Division", "area": %s,
				 "from": "2016-09-01T00:00:00Z", "to": "2016-10-01T23:59:59Z"}""".formatted(BATTALION_AREA));

		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
	}

	@Test
	void thePageShowsBothLimitsByTheirFields() {
		Http coChair = truce.http("co-chair:united-states");

		Http.Response refused = coChair.post(
				"/positions", "application/x-www-form-urlencoded", Http.form("side", "united-states", "label",
						"Everywhere", "area", WHOLE_COUNTRY, "from", "2016-09-01T00:00", "to", "2016-12-01T00:00"),
				false);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.body()).contains("data-field=\"area\"")
			.contains("data-code=\"POSITION_TOO_LARGE\"")
			.contains("data-field=\"to\"")
			.contains("data-code=\"POSITION_WINDOW_TOO_LONG\"")
			.contains("1000 km²")
			.contains("31 days");
		assertThat(coChair.get("/api/positions").json().get("items").findValuesAsString("label"))
			.doesNotContain("Everywhere");
	}

	@Test
	void aWholeCountryPositionNeverPlacesAnUnpublishedAtRiskReportOfAnotherSide() {
		// The confirmed leak, as it was found: a whole-country position, then a strike
		// reported by an at-risk source that does not concern the declaring side.
		Http liaison = truce.http("liaison:united-states");
		Http.Response declared = liaison.postJson("/api/positions", """
				{"label": "Everywhere", "area": %s,
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""".formatted(WHOLE_COUNTRY));
		Http.Response report = truce.http("monitor").postJson("/api/reports", """
				{"eventType": "air_drone_strike", "when": {"start": "2016-09-19T12:00:00Z"},
				 "where": {"latitude": 35.93713, "longitude": 36.63394, "precision": "surveyed"},
				 "actor": "Government of Syria", "target": "Civilians",
				 "narrative": "Strike seen by a field monitor.", "source": "field"}""");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);

		String alerts = liaison.get("/api/alerts").body();
		assertThat(declared.status()).as(declared.toString()).isEqualTo(422);
		assertThat(alerts).doesNotContain("35.93713")
			.doesNotContain("36.63394")
			.doesNotContain(report.json().get("id").asString());
	}

}
