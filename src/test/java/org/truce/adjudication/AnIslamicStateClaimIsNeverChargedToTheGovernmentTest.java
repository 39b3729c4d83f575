package org.truce.adjudication;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.TheDemo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test 7(b) of issue 14, over HTTP on the demo scenario: UCDP event 240896 (31
 * December 2016, Tartus town; side_a "Government of Syria", side_b "IS"; one of its
 * headlines is "Islamic State claims bomb attack in Syria's Tartous") was read as a
 * government attack on IS. The stated rule is-claims now reads that IS acted, and no
 * finding charges the government for it.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class AnIslamicStateClaimIsNeverChargedToTheGovernmentTest {

	static RunningTruce truce;

	static Http monitor;

	@BeforeAll
	static void theDemoScenario(TheDemo demo) {
		truce = demo.truce();
		monitor = truce.http().withToken(truce.token("monitor"));
	}

	@Test
	void theReportSaysTheIslamicStateActedInferredFromTheHeadline() {
		JsonNode report = tartous();

		assertThat(report.path("actor").path("actorId").asString()).isEqualTo("islamic-state");
		assertThat(report.path("target").path("actorId").asString()).isEqualTo("syria-government");
		assertThat(report.path("whoActed").path("kind").asString()).isEqualTo("actor");
		assertThat(report.path("whoActed").path("basis").asString()).contains("is-claims", "Islamic State claims",
				"swapped");
		assertThat(report.path("whoActed").path("text").asString()).startsWith("IS (inferred: ");
		assertThat(report.path("flags").findValuesAsString("code")).contains("PERPETRATOR_INFERRED");
	}

	@Test
	void noFindingChargesTheGovernmentForIt() {
		List<JsonNode> findings = findingsOn("2016-12-31", null);
		List<JsonNode> tartous = findings.stream().filter(f -> contains(f.path("externalIds"), "240896")).toList();

		assertThat(tartous).as("the demo's agreements judge the event").isNotEmpty();
		assertThat(tartous).allSatisfy(f -> {
			assertThat(f.path("actor").asString()).isNotEqualTo("syria-government");
			assertThat(f.path("outcome").asString()).as("finding %s", f).isNotEqualTo("VIOLATION");
			for (JsonNode reason : f.path("reasons")) {
				assertThat(reason.path("data").path("actor").asString("")).isNotEqualTo("syria-government");
			}
		});
		assertThat(findingsOn("2016-12-31", "syria-government"))
			.noneMatch(f -> contains(f.path("externalIds"), "240896"));
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode n : array) {
			if (n.asString().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode tartous() {
		Http.Response page = monitor.get("/api/reports?from=2016-12-31&to=2016-12-31&source=ucdp-ged&limit=1000");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		for (JsonNode r : page.json().path("items")) {
			if ("240896".equals(r.path("externalId").asString())) {
				return r;
			}
		}
		throw new AssertionError("UCDP event 240896 is not among the reports of 31 December 2016: " + page);
	}

	private static List<JsonNode> findingsOn(String day, String actor) {
		List<JsonNode> out = new ArrayList<>();
		String cursor = null;
		do {
			Http.Response page = monitor.get("/api/findings?from=" + day + "&to=" + day + "&limit=1000"
					+ (actor == null ? "" : "&actor=" + actor) + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().path("items").forEach(out::add);
			JsonNode next = page.json().path("next");
			cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
		}
		while (cursor != null);
		return out;
	}

}
