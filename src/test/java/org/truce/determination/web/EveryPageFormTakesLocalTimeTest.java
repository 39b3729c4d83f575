package org.truce.determination.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page form that takes a time takes a local date and time in the scenario's zone
 * (Asia/Damascus), as a browser's {@code datetime-local} input sends it, and shows the
 * zone beside the field; the API keeps taking instants with offsets. In 2016 Damascus put
 * its clocks forward at midnight on 25 March (00:00 to 00:59 never happened) and back at
 * midnight on 28 October (23:00 to 23:59 on 27 October happened twice, at UTC+3 then
 * UTC+2): each form converts either side of a change with the offset then in force, and
 * refuses a skipped or doubled time with a form error, never a guess. A form refused for
 * what it asserts comes back with the message beside the field and what was typed, not
 * the problem page.
 */
class EveryPageFormTakesLocalTimeTest {

	private static final String AREA = "{\"type\": \"Polygon\", \"coordinates\": [[[37.0, 36.3], [37.3, 36.3],"
			+ " [37.3, 36.5], [37.0, 36.5], [37.0, 36.3]]]}";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static RunningTruce truce;

	private static Http monitor;

	private static Http us;

	private static Http liaison;

	private static Http notifier;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		monitor = truce.http("monitor");
		us = truce.http("co-chair:united-states");
		liaison = truce.http("liaison:syria-government");
		notifier = truce.http("notifier");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aPositionsWindowIsReadInDamascusTimeOnEitherSideOfTheEndOfSummerTime() {
		assertThat(us.get("/positions").body()).contains("local time in <span class=\"time-zone\">Asia/Damascus");

		Http.Response declared = us.post("/positions", FORM, Http.form("side", "united-states", "label",
				"Across the change", "area", AREA, "from", "2016-10-27T12:00", "to", "2016-10-28T12:00"), false);
		assertThat(declared.status()).as(declared.toString()).isEqualTo(303);
		String id = declared.location().orElseThrow().replaceAll(".*declared=", "");
		JsonNode position = null;
		for (JsonNode f : us.get("/api/map/positions").json().get("features")) {
			if (f.get("id").asString().equals(id)) {
				position = f.get("properties");
			}
		}
		assertThat(position).isNotNull();
		assertThat(position.get("from").asString()).as("12:00 at UTC+3").isEqualTo("2016-10-27T09:00:00Z");
		assertThat(position.get("to").asString()).as("12:00 at UTC+2").isEqualTo("2016-10-28T10:00:00Z");

		Http.Response twice = us.post("/positions", FORM,
				Http.form("side", "united-states", "area", AREA, "from", "2016-10-27T23:30", "to", "2016-10-28T12:00"),
				false);
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.body()).contains("data-field=\"from\"")
			.contains("data-code=\"LOCAL_TIME_AMBIGUOUS\"")
			.contains("2016-10-27 23:30 in Asia/Damascus came twice, at UTC+3 and at UTC+2")
			.as("what was typed is kept")
			.contains("value=\"2016-10-27T23:30\"");

		Http.Response skipped = us.post("/positions", FORM,
				Http.form("side", "united-states", "area", AREA, "from", "2016-03-24T12:00", "to", "2016-03-25T00:30"),
				false);
		assertThat(skipped.status()).isEqualTo(422);
		assertThat(skipped.body()).contains("data-code=\"LOCAL_TIME_SKIPPED\"")
			.contains("2016-03-25 00:30 in Asia/Damascus was skipped");
	}

	@Test
	void aRequestForInformationsDeadlineIsDamascusTime() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		assertThat(monitor.get("/incidents/" + incident).body())
			.contains("Deadline, local time in <span class=\"time-zone\">Asia/Damascus");

		Http.Response sent = monitor.post("/incidents/" + incident + "/rfis", FORM,
				Http.form("party", "syria-government", "question", "Which unit fired?", "deadline", "2100-01-01T12:00"),
				false);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(303);
		assertThat(sent.location().orElseThrow()).contains("done=rfi-sent");
		JsonNode rfis = monitor.get("/api/incidents/" + incident + "/rfis").json();
		JsonNode rfi = rfis.isArray() ? rfis.get(0) : rfis.path("items").get(0);
		assertThat(rfi.get("deadline").asString()).isEqualTo("2100-01-01T09:00:00Z");

		Http.Response skipped = monitor.post("/incidents/" + incident + "/rfis", FORM,
				Http.form("party", "syria-government", "question", "Which unit fired?", "deadline", "2016-03-25T00:15"),
				false);
		assertThat(skipped.status()).isEqualTo(303);
		assertThat(URLDecoder.decode(skipped.location().orElseThrow(), StandardCharsets.UTF_8))
			.contains("error=Field deadline names a local time that did not exist");
	}

	@Test
	void anAcknowledgmentAssertedJustAfterTheClocksWentForwardIsReadAtUtcPlus3() {
		Http.Response sent = notifier.postJson("/api/notifications", """
				{"kind": "MOVEMENT", "name": "Convoy across the change", "movementKind": "CONVOY",
				 "geometry": {"type": "LineString", "coordinates": [[37.161173, 36.201241], [36.94775, 36.1481]]},
				 "from": "2016-03-25T08:00:00+03:00", "to": "2016-03-25T20:00:00+03:00",
				 "parties": ["syria-government"],
				 "asserted": {"at": "2016-03-24T12:00:00+02:00", "by": "OCHA"}}""");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		String id = sent.json().get("id").asString();
		assertThat(liaison.get("/notifications/" + id).body())
			.contains("local time in <span class=\"time-zone\">Asia/Damascus");

		Http.Response skipped = liaison.post("/notifications/" + id + "/acknowledgments", FORM,
				Http.form("back", "page", "assertedAt", "2016-03-25T00:30", "assertedBy", "Syrian liaison office"),
				false);
		assertThat(skipped.status()).as("the form again, not the problem page").isEqualTo(422);
		assertThat(skipped.body()).contains("class=\"acknowledge-form\"")
			.contains("data-field=\"asserted.at\" data-code=\"LOCAL_TIME_SKIPPED\"")
			.contains("value=\"2016-03-25T00:30\"")
			.contains("value=\"Syrian liaison office\"");
		assertThat(monitor.get("/api/notifications/" + id).json().get("acknowledgments")).isEmpty();

		Http.Response acked = liaison.post("/notifications/" + id + "/acknowledgments", FORM,
				Http.form("back", "page", "assertedAt", "2016-03-25T01:30", "assertedBy", "Syrian liaison office"),
				false);
		assertThat(acked.status()).as(acked.toString()).isEqualTo(303);
		JsonNode ack = monitor.get("/api/notifications/" + id).json().get("acknowledgments").get(0);
		assertThat(ack.get("at").asString()).as("01:30 at UTC+3").isEqualTo("2016-03-24T22:30:00Z");
	}

	@Test
	void aDecisionOnAccessAssertedInTheFutureComesBackWithItsMessageAndWhatWasTyped() {
		Http.Response requested = notifier.postJson("/api/access-requests", """
				{"route": {"type": "LineString", "coordinates": [[37.1276, 36.2435], [37.1665, 36.2475]]},
				 "destination": {"name": "Eastern Aleppo", "latitude": 36.2118, "longitude": 37.1840},
				 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"}], "peopleInNeed": 275000,
				 "parties": ["syria-government"],
				 "from": "2016-09-15T06:00:00+03:00", "to": "2016-09-16T18:00:00+03:00"}""");
		assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
		String id = requested.json().get("id").asString();

		Http.Response later = liaison.post("/access-requests/" + id + "/decisions", FORM,
				Http.form("party", "syria-government", "verdict", "DENIED", "reasons", "Fighting on the road.",
						"assertedAt", "2999-01-01T12:00", "assertedBy", "Syrian liaison office"),
				false);
		assertThat(later.status()).as("the form again, not the problem page").isEqualTo(422);
		assertThat(later.body()).contains("id=\"decide-syria-government\"")
			.contains("data-field=\"asserted.at\" data-code=\"ASSERTED_AFTER_RECORDED\"")
			.contains("value=\"2999-01-01T12:00\"")
			.contains("value=\"Syrian liaison office\"")
			.contains(">Fighting on the road.</textarea>")
			.contains("value=\"DENIED\" checked=\"checked\"");

		Http.Response withoutReasons = liaison.post("/access-requests/" + id + "/decisions", FORM,
				Http.form("party", "syria-government", "verdict", "DENIED", "reasons", "", "assertedAt",
						"2999-01-01T12:00", "assertedBy", "Syrian liaison office"),
				false);
		assertThat(withoutReasons.status()).isEqualTo(422);
		assertThat(withoutReasons.body()).as("every problem is shown, not only those of what it asserts")
			.contains("data-field=\"asserted.at\" data-code=\"ASSERTED_AFTER_RECORDED\"")
			.contains("data-field=\"reasons\" data-code=\"FIELD_REQUIRED\"");
		assertThat(monitor.get("/api/access-requests/" + id).json().get("parties").get(0).hasNonNull("verdict"))
			.as("nothing decided")
			.isFalse();

		Http.Response decided = liaison.post("/access-requests/" + id + "/decisions", FORM,
				Http.form("party", "syria-government", "verdict", "DENIED", "reasons", "Fighting on the road.",
						"assertedAt", "2016-09-14T20:00", "assertedBy", "Syrian liaison office"),
				false);
		assertThat(decided.status()).as(decided.toString()).isEqualTo(303);
		JsonNode decision = monitor.get("/api/access-requests/" + id).json().get("parties").get(0);
		assertThat(decision.get("decidedAt").asString()).isEqualTo("2016-09-14T17:00:00Z");
	}

	@Test
	void aSignatureAssertedInTheHourThatCameTwiceIsRefusedAndTheHourAfterIsReadAtUtcPlus2() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		Http.Response drafted = monitor.postJson("/api/incidents/" + incident + "/determinations",
				DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone, signed across the change."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asString();

		Http.Response twice = us.post("/determinations/" + id + "/sign-offs", FORM, Http.form("version", "1", "side",
				"united-states", "assertedAt", "2016-10-27T23:30", "assertedBy", "US delegation"), false);
		assertThat(twice.status()).as("the form again, not the problem page").isEqualTo(422);
		assertThat(twice.body()).contains("id=\"sign-form-united-states\"")
			.contains("data-field=\"asserted.at\" data-code=\"LOCAL_TIME_AMBIGUOUS\"")
			.contains("value=\"2016-10-27T23:30\"");

		Http.Response signed = us.post("/determinations/" + id + "/sign-offs", FORM, Http.form("version", "1", "side",
				"united-states", "assertedAt", "2016-10-28T10:00", "assertedBy", "US delegation"), false);
		assertThat(signed.status()).as(signed.toString()).isEqualTo(302);
		JsonNode side = monitor.get("/api/determinations/" + id).json().get("sides").get(0);
		assertThat(side.get("signedAt").asString()).as("10:00 at UTC+2").isEqualTo("2016-10-28T08:00:00Z");
	}

}
