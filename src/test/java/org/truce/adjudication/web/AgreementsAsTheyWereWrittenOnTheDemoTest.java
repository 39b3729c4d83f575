package org.truce.adjudication.web;

import java.time.Duration;
import java.util.function.Predicate;

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
 * Acceptance tests 7(c) and 7(e) of issue 14, over HTTP on the demo scenario (the Syria
 * 2016 scenario loaded as {@code truce demo} loads it): the Aleppo pause applies only in
 * its daily windows, and the September arrangement's compliance clock names the violation
 * that last reset it, under each view of its disputed end.
 *
 * <p>
 * The reports are a monitor's, placed at the centre of the OCHA neighbourhood of Hanano
 * (N0129, 36.2319 N 37.2037 E), in opposition-held eastern Aleppo in 2016 and about 5 km
 * from the point at which UCDP places its events in Aleppo, so that clustering leaves
 * them incidents of their own.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class AgreementsAsTheyWereWrittenOnTheDemoTest {

	static final String PAUSE_TERM = "aleppo-pause-2016-10/no-strikes-or-shelling";

	private static RunningTruce truce;

	private static Http monitor;

	@BeforeAll
	static void theDemoScenario(TheDemo demo) {
		truce = demo.truce();
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		monitor = truce.http().withToken(truce.token("monitor"));
	}

	@Test
	void governmentShellingInEasternAleppoAt2IsOutsideThePauseAndAt10IsAViolation() throws Exception {
		String night = report("shelling_artillery_missile_attack", "2016-10-21T02:00:00+03:00", "Syrian insurgents",
				"Government shelling of Hanano at night, between two of the pause's windows.");
		String morning = report("shelling_artillery_missile_attack", "2016-10-21T10:00:00+03:00", "Syrian insurgents",
				"Government shelling of Hanano in the pause's second window.");

		// The night's shelling is judged (under the February cessation), but the pause is
		// not in force at 02:00: no finding under its terms.
		await(night, "syria-coh-2016-02", f -> true);
		JsonNode nightUnderPause = monitor.get("/api/findings?agreement=aleppo-pause-2016-10&incident=" + night)
			.json()
			.get("items");
		assertThat(nightUnderPause).as("findings of the night's shelling under the pause").isEmpty();

		JsonNode violation = await(morning, "aleppo-pause-2016-10", f -> PAUSE_TERM.equals(f.get("term").asString()));
		assertThat(violation.get("outcome").asString()).as(violation.toString()).isEqualTo("VIOLATION");
		assertThat(violation.get("reasons").findValuesAsString("code")).contains("TERM_IN_FORCE", "INSIDE_ZONE",
				"PERPETRATOR_BOUND");
		assertThat(violation.has("view")).as("the pause has no disputed fact").isFalse();
		JsonNode inForce = reason(violation, "TERM_IN_FORCE");
		assertThat(inForce.get("detail").asString())
			.contains("within its window 2016-10-21T05:00:00Z/2016-10-21T16:00:00Z");
	}

	@Test
	void theSeptemberClockAt18OnThe19thNamesTheViolationThatLastResetItUnderEachView() throws Exception {
		String strike = report("shelling_artillery_missile_attack", "2016-09-19T17:30:00+03:00", "Syrian insurgents",
				"Government shelling of opposition positions in Hanano, late afternoon.");
		JsonNode underUs = await(strike, "syria-arrangement-2016-09",
				f -> "syria-arrangement-2016-09/cease-attacks".equals(f.get("term").asString())
						&& "united-states".equals(f.path("view").asString()));
		assertThat(underUs.get("outcome").asString()).as(underUs.toString()).isEqualTo("VIOLATION");
		assertThat(underUs.get("viewLabel").asString()).contains("3 October 2016");
		assertThat(reason(underUs, "UNDER_VIEW").get("data").get("heldBy").asString()).isEqualTo("united-states");
		JsonNode all = monitor.get("/api/findings?agreement=syria-arrangement-2016-09&incident=" + strike)
			.json()
			.get("items");
		assertThat(all.findValuesAsString("view")).as("on 19 September the arrangement is over for the army")
			.containsOnly("united-states");

		// 18:00 Damascus time (UTC+3) on 19 September.
		Http.Response us = monitor
			.get("/api/agreements/syria-arrangement-2016-09/clock?at=2016-09-19T15:00:00Z&view=united-states");
		assertThat(us.status()).as(us.toString()).isEqualTo(200);
		JsonNode clock = us.json();
		assertThat(clock.get("view").asString()).isEqualTo("united-states");
		assertThat(clock.get("phase").asString()).isEqualTo("COUNTING");
		assertThat(clock.get("lastSeriousViolation").asString()).isEqualTo(strike);
		JsonNode reset = clock.get("lastReset");
		assertThat(reset.get("incidentId").asString()).isEqualTo(strike);
		assertThat(reset.get("termId").asString()).startsWith("syria-arrangement-2016-09/");
		assertThat(reset.get("at").asString()).isEqualTo("2016-09-19T14:30:00Z");
		assertThat(reset.get("reasons").toString()).contains("resolves to syria-government");
		assertThat(clock.get("countStartedAt").asString()).isEqualTo("2016-09-19T14:30:00Z");

		JsonNode army = monitor.get("/api/agreements/syria-arrangement-2016-09/clock?at=2016-09-19T15:00:00Z").json();
		assertThat(army.get("view").asString()).as("the default view is the first the document gives")
			.isEqualTo("syrian-army");
		assertThat(army.get("viewLabel").asString()).contains("seven-day calm");
		assertThat(army.get("phase").asString()).isEqualTo("ENDED");

		Http.Response unknown = monitor
			.get("/api/agreements/syria-arrangement-2016-09/clock?at=2016-09-19T15:00:00Z&view=nobody");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.json().get("field").asString()).isEqualTo("view");
	}

	private static String report(String type, String at, String target, String narrative) {
		Http.Response created = monitor.postJson("/api/reports", """
				{"eventType": "%s", "when": {"start": "%s"},
				 "where": {"latitude": 36.2319, "longitude": 37.2037, "precision": "surveyed", "placeName": "Hanano"},
				 "actor": "Government of Syria", "target": "%s",
				 "narrative": "%s", "source": "monitors"}""".formatted(type, at, target, narrative));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static JsonNode reason(JsonNode finding, String code) {
		for (JsonNode r : finding.get("reasons")) {
			if (code.equals(r.get("code").asString())) {
				return r;
			}
		}
		throw new AssertionError("no reason " + code + " in " + finding);
	}

	private static JsonNode await(String incident, String agreement, Predicate<JsonNode> which)
			throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			JsonNode items = monitor.get("/api/findings?agreement=" + agreement + "&incident=" + incident)
				.json()
				.get("items");
			for (JsonNode f : items) {
				if (which.test(f)) {
					return f;
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no such finding of " + incident + " under " + agreement + " within 60 s");
	}

}
