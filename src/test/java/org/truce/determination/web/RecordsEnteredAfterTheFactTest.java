package org.truce.determination.web;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.determination.application.Determining;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of 2016 entered now, over HTTP: a side's claim about a shelling during the
 * Aleppo pause, the co-chairs' signatures on the determination and a dissent from it
 * (given at meetings, entered later), and a party's decision on an access request. Each
 * keeps when it happened as asserted, who asserts it and the document, apart from when
 * Truce recorded it; each refuses a time later than its recording, or a time without who
 * asserts it.
 */
class RecordsEnteredAfterTheFactTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static Http us;

	private static Http ru;

	private static Http liaison;

	private static Http notifier;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		monitor = truce.http("monitor");
		us = truce.http("co-chair:united-states");
		ru = truce.http("co-chair:russia");
		liaison = truce.http("liaison:syria-government");
		notifier = truce.http("notifier");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aClaimStatedIn2016KeepsItsAssertedTimeApartFromItsRecording() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);

		Http.Response claimed = liaison.postJson("/api/incidents/" + incident + "/claims",
				"""
						{"position": "DENIES", "actor": "syria-government", "statement": "Our forces did not fire.",
						 "asserted": {"at": "2016-10-21T15:00:00+03:00", "by": "Syrian Ministry of Foreign Affairs",
						              "document": "Statement of 21 October 2016 (test)", "url": "https://example.org/statement"}}""");
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);

		JsonNode claim = monitor.get("/api/incidents/" + incident).json().get("claims").get(0);
		assertThat(claim.get("asserted").get("at").asString()).isEqualTo("2016-10-21T12:00:00Z");
		assertThat(claim.get("asserted").get("by").asString()).isEqualTo("Syrian Ministry of Foreign Affairs");
		assertThat(claim.get("asserted").get("document").asString()).isEqualTo("Statement of 21 October 2016 (test)");
		assertThat(claim.get("madeAt").asString()).as("recorded now").startsWith("20").doesNotStartWith("2016");
		assertThat(monitor.get("/incidents/" + incident).body()).contains("Syrian Ministry of Foreign Affairs")
			.contains("Statement of 21 October 2016 (test)");

		Http.Response later = liaison.postJson("/api/incidents/" + incident + "/claims", """
				{"position": "DENIES", "actor": "syria-government",
				 "asserted": {"at": "2999-01-01T00:00:00Z", "by": "Syrian Ministry of Foreign Affairs"}}""");
		assertThat(later.status()).isEqualTo(422);
		assertThat(later.code()).isEqualTo("ASSERTED_AFTER_RECORDED");
		assertThat(later.field()).isEqualTo("asserted.at");
	}

	@Test
	void signaturesGivenAtMeetingsTakeEffectWhenTheyWereGiven() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		Http.Response drafted = monitor.postJson("/api/incidents/" + incident + "/determinations",
				DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone during the pause."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asString();

		Http.Response anonymous = us.postJson("/api/determinations/" + id + "/sign-offs",
				"{\"version\": 1, \"asserted\": {\"at\": \"2016-11-01T12:00:00Z\"}}");
		assertThat(anonymous.status()).isEqualTo(422);
		assertThat(anonymous.code()).isEqualTo("ASSERTED_BY_REQUIRED");
		assertThat(anonymous.field()).isEqualTo("asserted.by");

		Http.Response byUs = us.postJson("/api/determinations/" + id + "/sign-offs", """
				{"version": 1, "asserted": {"at": "2016-11-01T12:00:00Z", "by": "US delegation",
				 "document": "Minutes of the co-chairs' meeting of 1 November 2016 (test)"}}""");
		assertThat(byUs.status()).as(byUs.toString()).isEqualTo(201);
		Http.Response byRussia = ru.postJson("/api/determinations/" + id + "/sign-offs", """
				{"version": 2, "asserted": {"at": "2016-11-02T12:00:00Z", "by": "Russian delegation"}}""");
		assertThat(byRussia.status()).as(byRussia.toString()).isEqualTo(201);

		JsonNode read = monitor.get("/api/determinations/" + id).json();
		assertThat(read.get("status").asString()).isEqualTo("EFFECTIVE");
		assertThat(read.get("effectiveAt").asString()).as("when the quorum was reached, as asserted")
			.isEqualTo("2016-11-02T12:00:00Z");
		JsonNode usSide = read.get("sides").get(0);
		assertThat(usSide.get("signedAt").asString()).isEqualTo("2016-11-01T12:00:00Z");
		assertThat(usSide.get("asserted").get("by").asString()).isEqualTo("US delegation");
		assertThat(usSide.get("recordedAt").asString()).doesNotStartWith("2016");

		String entry = truce.jdbc()
			.sql("SELECT entry FROM ledger_entries WHERE kind = ? AND subject = ? ORDER BY idx")
			.params(Determining.SIGNED, id)
			.query(String.class)
			.list()
			.get(0);
		assertThat(entry).contains("\"asserted\":{\"at\":\"2016-11-01T12:00:00Z\",\"by\":\"US delegation\"}")
			.contains("\"provenance\"")
			.as("the minutes are committed to, not published")
			.doesNotContain("Minutes");
		assertThat(monitor.get("/determinations/" + id).body()).contains("US delegation");
	}

	@Test
	void aDissentGivenAtAMeetingKeepsItsAssertedTimeApartFromItsRecording() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		Http.Response drafted = monitor.postJson("/api/incidents/" + incident + "/determinations",
				DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone, dissented from."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asString();

		Http.Response later = ru.postJson("/api/determinations/" + id + "/comments", """
				{"text": "We do not sign.", "dissent": true,
				 "asserted": {"at": "2999-01-01T00:00:00Z", "by": "Russian delegation"}}""");
		assertThat(later.status()).isEqualTo(422);
		assertThat(later.code()).isEqualTo("ASSERTED_AFTER_RECORDED");
		assertThat(later.field()).isEqualTo("asserted.at");
		Http.Response anonymous = ru.postJson("/api/determinations/" + id + "/comments",
				"{\"text\": \"We do not sign.\", \"dissent\": true, \"asserted\": {\"at\": \"2016-11-01T12:00:00Z\"}}");
		assertThat(anonymous.status()).isEqualTo(422);
		assertThat(anonymous.code()).isEqualTo("ASSERTED_BY_REQUIRED");
		assertThat(monitor.get("/api/determinations/" + id).json().get("comments")).as("nothing kept of a refusal")
			.isEmpty();

		Http.Response dissent = ru.postJson("/api/determinations/" + id + "/comments", """
				{"text": "We do not sign: the shelling came from the other side.", "dissent": true,
				 "asserted": {"at": "2016-11-01T15:00:00+03:00", "by": "Russian delegation",
				              "document": "Minutes of the meeting of 1 November 2016 (dissent, test)",
				              "url": "https://example.org/minutes"}}""");
		assertThat(dissent.status()).as(dissent.toString()).isEqualTo(201);

		JsonNode kept = monitor.get("/api/determinations/" + id).json().get("comments").get(0);
		assertThat(kept.get("dissent").asBoolean()).isTrue();
		assertThat(kept.get("asserted").get("at").asString()).isEqualTo("2016-11-01T12:00:00Z");
		assertThat(kept.get("asserted").get("by").asString()).isEqualTo("Russian delegation");
		assertThat(kept.get("asserted").get("url").asString()).isEqualTo("https://example.org/minutes");
		assertThat(kept.get("at").asString()).as("recorded now").startsWith("20").doesNotStartWith("2016");

		String entry = truce.jdbc()
			.sql("SELECT entry FROM ledger_entries WHERE kind = ? ORDER BY idx DESC")
			.param(Determining.DISSENTED)
			.query(String.class)
			.list()
			.get(0);
		assertThat(entry).contains("\"asserted\":{\"at\":\"2016-11-01T12:00:00Z\",\"by\":\"Russian delegation\"}")
			.contains("\"provenance\"")
			.as("the minutes are committed to, not published")
			.doesNotContain("Minutes");
		assertThat(monitor.get("/determinations/" + id).body()).contains("Russian delegation")
			.contains("Minutes of the meeting of 1 November 2016 (dissent, test)");
	}

	@Test
	void aDecisionOnAccessTakenIn2016IsShownWithItsAssertedTimeAndItsRecording() {
		Http.Response requested = notifier.postJson("/api/access-requests", """
				{"route": {"type": "LineString", "coordinates": [[37.1276, 36.2435], [37.1665, 36.2475]]},
				 "destination": {"name": "Eastern Aleppo", "latitude": 36.2118, "longitude": 37.1840},
				 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"}], "peopleInNeed": 275000,
				 "parties": ["syria-government", "russia"],
				 "from": "2016-09-15T06:00:00+03:00", "to": "2016-09-16T18:00:00+03:00"}""");
		assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
		String id = requested.json().get("id").asString();

		Http.Response later = liaison.postJson("/api/access-requests/" + id + "/decisions", """
				{"verdict": "DENIED", "reasons": "Fighting on the road.",
				 "asserted": {"at": "2999-01-01T00:00:00Z", "by": "Syrian liaison office"}}""");
		assertThat(later.status()).isEqualTo(422);
		assertThat(later.code()).isEqualTo("ASSERTED_AFTER_RECORDED");

		Http.Response decided = liaison.postJson("/api/access-requests/" + id + "/decisions", """
				{"verdict": "DENIED", "reasons": "Fighting on the road.",
				 "asserted": {"at": "2016-09-14T20:00:00+03:00", "by": "Syrian liaison office",
				              "document": "Reply to the facilitation letter (test)"}}""");
		assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

		JsonNode decision = monitor.get("/api/access-requests/" + id).json().get("parties").get(0);
		assertThat(decision.get("decidedAt").asString()).isEqualTo("2016-09-14T17:00:00Z");
		assertThat(decision.get("asserted").get("document").asString())
			.isEqualTo("Reply to the facilitation letter (test)");
		assertThat(decision.get("recordedAt").asString()).doesNotStartWith("2016");
		assertThat(monitor.get("/access-requests/" + id).body()).contains("Syrian liaison office")
			.contains("Reply to the facilitation letter (test)");
	}

}
