package org.truce.scenario.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.truce.scenario.application.StoryLoader;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.Syria2016;
import org.truce.testing.TheDemo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code truce demo} shows of the seed's story, over HTTP: the Syria 2016 scenario
 * loaded, its demo users made and its {@code story.yaml} recorded, in the order
 * {@code DemoCommand} does it. Each story item is reachable on its page, and the
 * contested attribution of the convoy strike leaves every finding that depends on who
 * acted undetermined, quoting both sides (issue 14, acceptance test 7(f)).
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class TheDemoTellsTheSeedsStoryTest {

	static RunningTruce truce;

	static List<String> summary;

	static String story;

	static TheDemo demo;

	/** The incident of UCDP event 301214, the convoy strike at Urum al-Kubra. */
	static String convoyStrike;

	@BeforeAll
	static void runTheDemo(TheDemo shared) {
		demo = shared;
		truce = demo.truce();
		summary = demo.summary();
		story = demo.story();
		JsonNode reports = as("monitor").get("/api/reports?source=ucdp-ged&from=2016-09-19&to=2016-09-20&limit=1000")
			.json()
			.get("items");
		String report = null;
		for (JsonNode r : reports) {
			if ("301214".equals(r.path("externalId").asString())) {
				report = r.get("id").asString();
			}
		}
		assertThat(report).as("UCDP event 301214 is served").isNotNull();
		convoyStrike = as("monitor").get("/api/incidents/" + report).json().get("id").asString();
	}

	static Http as(String username) {
		return demo.as(username);
	}

	@Test
	void theStoryIsRecordedOnceAndNotAgain() {
		assertThat(story).isEqualTo("Story: 11 records made, 0 already present, from story.yaml.");
		assertThat(truce.bean(StoryLoader.class).load(Syria2016.SCENARIO))
			.isEqualTo("Story: 0 records made, 7 already present, from story.yaml.");
	}

	@Test
	void easternAleppoIsABesiegedAreaOnThePublicMap() {
		Http.Response areas = truce.http().get("/api/besieged-areas.geojson");
		assertThat(areas.status()).as(areas.toString()).isEqualTo(200);
		JsonNode aleppo = feature(areas.json(), "Eastern Aleppo city");
		assertThat(aleppo.get("properties").get("status").asString()).isEqualTo("BESIEGED");
		assertThat(aleppo.get("properties").get("population").asLong()).isEqualTo(275_000);
		assertThat(aleppo.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
		assertThat(truce.http().get("/").body()).contains("/js/besieged-layer.js");
	}

	@Test
	void theCastelloRoadRequestShowsThatTheAidDidNotGetThroughAndNobodyIsChargedWithBlockingIt() {
		JsonNode castello = null;
		for (JsonNode r : as("notifier").get("/api/access-requests").json().path("items")) {
			if (r.path("destination").path("name").asString().startsWith("Eastern Aleppo city")) {
				castello = r;
			}
		}
		assertThat(castello).as("the Castello Road request").isNotNull();
		assertThat(castello.get("state").asString()).isEqualTo("NOT_DELIVERED");
		assertThat(castello.get("outcome").get("kind").asString()).isEqualTo("NOT_DELIVERED");
		assertThat(absent(castello.get("outcome").path("blockedBy"))).as("nobody is named as the blocker").isTrue();
		assertThat(absent(castello.path("obstructionReport"))).as("nobody is charged with an obstruction").isTrue();
		String page = as("monitor").get("/access-requests/" + castello.get("id").asString()).body();
		assertThat(page).contains("NOT_DELIVERED", "Eastern Aleppo city", "CONDITIONAL");
		JsonNode government = castello.get("parties").get(0);
		assertThat(government.get("party").asString()).isEqualTo("syria-government");
		assertThat(government.get("decidedAt").asString()).as("decided when the government said so, in 2016")
			.isEqualTo("2016-09-13T20:59:00Z");
		assertThat(government.get("asserted").get("by").asString()).isEqualTo("Government of Syria");
		assertThat(government.get("recordedAt").asString()).as("recorded when the demo ran").doesNotStartWith("2016");
		assertThat(page).as("the decision's asserted time and provenance, and its recording, on its page")
			.contains("as asserted by", "class=\"asserted-by\">Government of Syria</strong>")
			.contains("Reuters, reported by The Hindu, 14 September 2016")
			.contains("13 Sep 2016, 23:59")
			.contains("recorded in Truce");
	}

	@Test
	void eachSidesClaimAboutTheConvoyStrikeIsOnItsIncidentPage() {
		JsonNode claims = as("monitor").get("/api/incidents/" + convoyStrike).json().get("claims");
		assertThat(claims).extracting(
				c -> c.get("side").asString() + " " + c.get("position").asString() + " " + c.get("actorId").asString())
			.containsExactlyInAnyOrder("united-states ATTRIBUTES russia", "russia DENIES russia",
					"syria-government DENIES syria-government");
		assertThat(claims).as("each claim as made in 2016, on whose word, apart from when the demo recorded it")
			.extracting(c -> c.get("side").asString() + " " + c.get("asserted").get("at").asString())
			.containsExactlyInAnyOrder("united-states 2016-09-21T03:59:00Z", "russia 2016-09-20T20:59:00Z",
					"syria-government 2016-09-20T20:59:00Z");
		assertThat(claims).allSatisfy(c -> assertThat(c.get("madeAt").asString()).doesNotStartWith("2016"));
		assertThat(claims).extracting(c -> c.get("asserted").get("by").asString())
			.anySatisfy(by -> assertThat(by).startsWith("Igor Konashenkov"));
		String page = as("monitor").get("/incidents/" + convoyStrike).body();
		assertThat(page).contains("Su-24", "Neither Russian nor Syrian aircraft struck the convoy");
		assertThat(page).as("each claim's asserted time and provenance on the incident's page")
			.contains("Igor Konashenkov, Russian Defence Ministry spokesman", "Syrian Arab Army", "20 Sep 2016, 23:59",
					"recorded in Truce");
	}

	@Test
	void contestedAttributionMakesEveryFindingThatDependsOnTheActorUndeterminedQuotingBothSides() {
		JsonNode findings = as("monitor").get("/api/incidents/" + convoyStrike + "/findings").json();
		assertThat(findings).as("findings about the convoy strike").isNotEmpty();
		List<JsonNode> contested = new ArrayList<>();
		for (JsonNode f : findings) {
			assertThat(f.get("outcome").asString()).as(f.toString()).isNotEqualTo("VIOLATION");
			if (f.path("missing").findValuesAsString("code").contains("ATTRIBUTION_CONTESTED")) {
				contested.add(f);
			}
		}
		assertThat(contested).as("the findings that turn on who acted").isNotEmpty();
		for (JsonNode f : contested) {
			assertThat(f.get("outcome").asString()).isEqualTo("UNDETERMINED");
			String reasons = f.get("reasons").toString();
			assertThat(reasons).as(f.toString())
				.contains("russia denies that russia acted; united-states says russia did.")
				.contains("syria-government denies that syria-government acted; a report names syria-government.");
		}
		// Only a finding decided by something other than who acted may be certain: none
		// is a violation.
		for (JsonNode f : findings) {
			if (!contested.contains(f)) {
				assertThat(f.get("outcome").asString()).as(f.toString()).isIn("NO_VIOLATION", "UNDETERMINED");
			}
		}
	}

	@Test
	void theRequestForInformationToTheSyrianGovernmentWasAnsweredLate() {
		JsonNode rfis = as("monitor").get("/api/incidents/" + convoyStrike + "/rfis").json();
		JsonNode rfi = rfis.isArray() ? rfis.get(0) : rfis.path("items").get(0);
		assertThat(rfi.get("party").asString()).isEqualTo("syria-government");
		assertThat(rfi.get("state").asString()).isEqualTo("ANSWERED_LATE");
		assertThat(rfi.get("question").asString()).startsWith("Reconstruction for the demo.");
		assertThat(as("liaison-sy").get("/inbox").body()).contains("Urum al-Kubra");
		assertThat(as("monitor").get("/incidents/" + convoyStrike).body()).contains("Syrian Arab Air Force");
	}

	@Test
	void theDraftDeterminationIsSignedByOneCoChairWithTheOthersDissent() {
		JsonNode determinations = as("co-chair-ru").get("/api/incidents/" + convoyStrike + "/determinations").json();
		JsonNode listed = determinations.isArray() ? determinations.get(0) : determinations.path("items").get(0);
		JsonNode d = as("co-chair-ru").get("/api/determinations/" + listed.get("id").asString()).json();
		assertThat(d.get("status").asString()).isEqualTo("DRAFT");
		List<String> signed = new ArrayList<>();
		for (JsonNode side : d.get("sides")) {
			if (side.get("signed").asBoolean()) {
				signed.add(side.get("side").asString());
			}
		}
		assertThat(signed).containsExactly("united-states");
		List<String> dissents = new ArrayList<>();
		for (JsonNode c : d.get("comments")) {
			if (c.get("dissent").asBoolean()) {
				dissents.add(c.get("side").asString());
			}
		}
		assertThat(dissents).containsExactly("russia");
		String page = as("co-chair-ru").get("/determinations/" + d.get("id").asString()).body();
		assertThat(page).contains("Russia dissents", "Reconstruction for the demo");

		// The sign-off and the dissent as given in 2016 (a reconstruction, marked so),
		// apart from when the demo recorded them.
		JsonNode us = d.get("sides").get(0);
		assertThat(us.get("signedAt").asString()).isEqualTo("2016-09-26T15:00:00Z");
		assertThat(us.get("asserted").get("by").asString()).startsWith("Reconstruction for the demo");
		assertThat(us.get("asserted").get("document").asString()).startsWith("Reconstruction for the demo")
			.contains("no such sign-off took place");
		assertThat(us.get("recordedAt").asString()).as("recorded when the demo ran").doesNotStartWith("2016");
		JsonNode dissent = d.get("comments").get(0);
		assertThat(dissent.get("asserted").get("at").asString()).isEqualTo("2016-09-26T15:00:00Z");
		assertThat(dissent.get("asserted").get("document").asString()).startsWith("Reconstruction for the demo")
			.contains("The Independent, 21 September 2016");
		assertThat(dissent.get("at").asString()).as("recorded when the demo ran").doesNotStartWith("2016");
		assertThat(d.get("draftedAt").asString()).as("the draft asserts no time").doesNotStartWith("2016");
		assertThat(page).contains("26 Sep 2016, 18:00", "Reconstruction for the demo (the United States co-chair)",
				"Reconstruction for the demo (the Russian co-chair)", "recorded in Truce");
	}

	@Test
	void theWikipediaCurrentEventsAreOpenSourceReportsThePublicCanRead() {
		assertThat(summary).anySatisfy(line -> assertThat(line)
			.startsWith("News: news/wikipedia_current_events_syria_2016.csv: 43 rows read, 43 imported, 0 rejected."));
		JsonNode items = as("monitor").get("/api/reports?source=wikipedia-current-events&limit=100")
			.json()
			.get("items");
		assertThat(items).hasSize(43);
		JsonNode convoy = null;
		for (JsonNode r : items) {
			if ("wce-031".equals(r.path("externalId").asString())) {
				convoy = r;
			}
		}
		assertThat(convoy).isNotNull();
		assertThat(convoy.get("eventType").get("code").asString()).isEqualTo("air_drone_strike");
		assertThat(absent(convoy.path("actor"))).as("no actor guessed").isTrue();
		Http.Response published = truce.http().get("/api/reports/" + convoy.get("id").asString());
		assertThat(published.status()).as("published for the public").isEqualTo(200);
	}

	private static boolean absent(JsonNode node) {
		return node.isMissingNode() || node.isNull();
	}

	private static JsonNode feature(JsonNode collection, String name) {
		for (JsonNode f : collection.get("features")) {
			if (name.equals(f.get("properties").path("name").asString())) {
				return f;
			}
		}
		throw new AssertionError("no feature named " + name + " in " + collection);
	}

}
