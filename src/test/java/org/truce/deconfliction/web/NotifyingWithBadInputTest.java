package org.truce.deconfliction.web;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad notifications and declarations are refused with 422 problem+json, a stable code and
 * the field, and nothing is recorded: a route without a window, a window that ends before
 * it starts, geometry of the wrong type or out of range, unknown parties.
 */
class NotifyingWithBadInputTest {

	private static RunningTruce truce;

	private static Http notifier;

	private static Http liaison;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT);
		notifier = truce.http("notifier");
		liaison = truce.http("liaison:syria-government");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static final String ROUTE = "{\"type\": \"LineString\", \"coordinates\": [[37.16, 36.2], [36.95, 36.15]]}";

	private static Http.Response movement(String window) {
		return notifier.postJson("/api/notifications",
				"{\"kind\": \"MOVEMENT\", \"name\": \"Convoy\", \"movementKind\": \"CONVOY\", \"geometry\": " + ROUTE
						+ window + ", \"parties\": [\"syria-government\"]}");
	}

	private static Http.Response site(String geometry, String parties) {
		return notifier.postJson("/api/notifications",
				"{\"kind\": \"SITE\", \"name\": \"Hospital\", \"siteKind\": \"HOSPITAL\", \"geometry\": " + geometry
						+ ", \"parties\": " + parties + "}");
	}

	private static List<String> codes(Http.Response r) {
		return r.json()
			.get("errors")
			.valueStream()
			.map(e -> e.get("code").asString() + "@" + e.get("field").asString())
			.toList();
	}

	@Test
	void aRouteWithoutAWindowIsRefusedNamingBothEnds() {
		Http.Response r = movement("");

		assertThat(r.status()).isEqualTo(422);
		assertThat(r.isProblem()).isTrue();
		assertThat(r.code()).isEqualTo("WINDOW_REQUIRED");
		assertThat(codes(r)).containsExactly("WINDOW_REQUIRED@from", "WINDOW_REQUIRED@to");
		assertThat(movement(", \"from\": \"2016-09-19T06:00:00+03:00\"").json().get("field").asString())
			.isEqualTo("to");
		assertThat(notifier.get("/api/notifications").json().get("items").valueStream()).as("no movement recorded")
			.noneMatch(n -> n.get("kind").asString().equals("MOVEMENT"));
	}

	@Test
	void aWindowThatEndsBeforeItStartsIsRefused() {
		Http.Response r = movement(", \"from\": \"2016-09-19T18:00:00+03:00\", \"to\": \"2016-09-19T06:00:00+03:00\"");

		assertThat(r.status()).isEqualTo(422);
		assertThat(r.code()).isEqualTo("INTERVAL_END_BEFORE_START");
		assertThat(r.field()).isEqualTo("to");
		Http.Response position = liaison.postJson("/api/positions",
				"{\"area\": {\"type\": \"Point\", \"coordinates\": [37, 36]}, \"from\": \"2016-09-20T00:00:00Z\","
						+ " \"to\": \"2016-09-19T00:00:00Z\"}");
		assertThat(position.status()).isEqualTo(422);
		assertThat(position.code()).isEqualTo("INTERVAL_END_BEFORE_START");
	}

	@Test
	void geometryMustBeOfItsKindInRangeAndGeoJson() {
		assertThat(site(ROUTE, "[\"syria-government\"]").code()).isEqualTo("GEOMETRY_TYPE_NOT_ALLOWED");
		Http.Response far = site("{\"type\": \"Point\", \"coordinates\": [200, 36]}", "[\"syria-government\"]");
		assertThat(far.code()).isEqualTo("LONGITUDE_OUT_OF_RANGE");
		assertThat(far.field()).isEqualTo("geometry");
		assertThat(site("{\"type\": \"Point\", \"coordinates\": [37, 95]}", "[\"syria-government\"]").code())
			.isEqualTo("LATITUDE_OUT_OF_RANGE");
		assertThat(site("{\"type\": \"Pointy\"}", "[\"syria-government\"]").code()).isEqualTo("GEOMETRY_INVALID");
		assertThat(site("{\"type\": \"Polygon\", \"coordinates\": [[[37, 36], [37.1, 36.1], [37.1, 36], [37, 36.1],"
				+ " [37, 36]]]}", "[\"syria-government\"]")
			.code()).as("a bow tie").isEqualTo("GEOMETRY_INVALID");
		assertThat(site("{\"type\": \"Point\", \"coordinates\": [37, 36]}", "[\"syria-government\"]").status())
			.isEqualTo(201);
	}

	@Test
	void partiesMustBeKnownActorsAndKindsAreRequired() {
		Http.Response unknown = site("{\"type\": \"Point\", \"coordinates\": [37, 36]}", "[\"nobody\"]");
		assertThat(unknown.code()).isEqualTo("UNKNOWN_ACTOR");
		assertThat(unknown.field()).isEqualTo("parties[0]");
		assertThat(site("{\"type\": \"Point\", \"coordinates\": [37, 36]}", "[]").code()).isEqualTo("FIELD_REQUIRED");
		Http.Response noKind = notifier.postJson("/api/notifications", "{\"name\": \"x\"}");
		assertThat(noKind.status()).isEqualTo(422);
		assertThat(noKind.field()).isEqualTo("kind");
		Http.Response noSiteKind = notifier.postJson("/api/notifications",
				"{\"kind\": \"SITE\", \"name\": \"x\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [37, 36]},"
						+ " \"parties\": [\"syria-government\"]}");
		assertThat(noSiteKind.code()).isEqualTo("FIELD_REQUIRED");
		assertThat(noSiteKind.field()).isEqualTo("siteKind");
		JsonNode badKind = notifier.postJson("/api/notifications", "{\"kind\": \"BUNKER\"}").json();
		assertThat(badKind.get("field").asString()).isEqualTo("kind");
	}

}
