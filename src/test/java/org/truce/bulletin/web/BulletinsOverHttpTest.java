package org.truce.bulletin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.shared.Sha256;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/bulletins} over the Aleppo pause of October 2016 (08:00 to 19:00
 * Damascus time on 20, 21 and 22 October): each reader's bulletin counts what that reader
 * may see and nothing else, a hidden change leaves the bulletin of a reader who may not
 * see it byte for byte as it was, and bad input is refused with a stable code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinsOverHttpTest {

	static final String PERIOD = "/api/bulletins?agreement=aleppo-pause-2016-10&from=2016-10-20&to=2016-10-22";

	static RunningTruce truce;

	static Http monitor;

	static Http liaison;

	static Http anyone;

	@BeforeAll
	static void thePause() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
		AgreementFixture.load(truce, "aleppo-pause-2016-10");
		SubmittingReport submitting = truce.bean(SubmittingReport.class);
		// Published: a government strike in the window; one at 23:30 on the last day,
		// outside every daily window (no finding: not assessed).
		var published = submitting.submit(
				strike("2016-10-21T11:00:00+03:00", 36.2070, 37.1570, "Government of Syria", null, "government"),
				Submitter.record("test"), null, "a");
		var lateNight = submitting.submit(
				strike("2016-10-22T23:30:00+03:00", 36.2000, 37.1400, "Government of Syria", null, "late-night"),
				Submitter.record("test"), null, "b");
		// Not published: a strike by one of Russia and the government.
		submitting.submit(strike("2016-10-21T15:00:00+03:00", 36.2300, 37.1200, "Russian Federation",
				new ReportDraft.WhoActedDraft("one_of", List.of("Russian Federation", "Government of Syria")),
				"one-of"), Submitter.record("test"), null, "c");
		settle();
		truce.bean(PublishingReports.class).publish(List.of(published.report().id(), lateNight.report().id()), "test");
		monitor = truce.http("monitor");
		liaison = truce.http("liaison:syria-government");
		anyone = new Http(truce.baseUri());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	static void settle() {
		truce.bean(ClusteringNewReports.class).catchUp();
		truce.bean(AdjudicatingIncidents.class).all();
	}

	@Test
	@Order(1)
	void eachReaderCountsWhatItMaySee() {
		JsonNode staff = bulletin(monitor);
		assertThat(staff.get("header").get("reader").asString()).isEqualTo("staff");
		assertThat(staff.get("total").asLong()).isEqualTo(3);
		assertThat(staff.get("notAssessed").asLong()).isEqualTo(1);
		assertThat(sum(staff.get("byOutcome"))).isEqualTo(2);
		assertThat(rows(staff, "by_party")).contains("russia/ONE_OF", "syria-government/ONE_OF",
				"syria-government/ATTRIBUTED");
		assertThat(count(staff, "by_party", "syria-government", "ATTRIBUTED"))
			.as("the shared strike is not charged to the government alone")
			.isEqualTo(2);

		JsonNode published = bulletin(anyone);
		assertThat(published.get("header").get("reader").asString()).isEqualTo("public");
		assertThat(published.get("total").asLong()).isEqualTo(2);
		assertThat(sum(published.get("byOutcome"))).isEqualTo(1);
		assertThat(rows(published, "by_party")).containsExactly("syria-government/ATTRIBUTED");
		assertThat(published.get("tables").get("compliance_clock")).isEmpty();
		assertThat(published.get("tables").get("rfis_by_party")).isEmpty();

		JsonNode side = bulletin(liaison);
		assertThat(side.get("header").get("reader").asString()).isEqualTo("side");
		assertThat(side.get("total").asLong())
			.as("the reports in which the government acted; the shared strike names Russia as its actor")
			.isEqualTo(2);
		assertThat(rows(side, "by_party")).containsExactly("syria-government/ATTRIBUTED");
	}

	@Test
	@Order(2)
	void theBodyIsBulletinJsonAndItsDigestIsInTheHeader() {
		Http.Response r = anyone.get(PERIOD);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/json");
		assertThat(r.headers().firstValue("Truce-Bulletin-Digest")).hasValue("sha-256=" + Sha256.hex(r.body()));
		assertThat(anyone.get(PERIOD).body()).isEqualTo(r.body());
	}

	@Test
	@Order(3)
	void aHiddenReportLeavesTheBulletinOfAReaderWhoMayNotSeeItAsItWas() {
		String publicBefore = anyone.get(PERIOD).body();
		String sideBefore = liaison.get(PERIOD).body();
		String staffBefore = monitor.get(PERIOD).body();
		// A Russian strike alone, unpublished: neither the public nor the government's
		// liaison may see it.
		truce.bean(SubmittingReport.class)
			.submit(strike("2016-10-20T09:00:00+03:00", 36.2150, 37.1650, "Russian Federation", null, "hidden"),
					Submitter.record("test"), null, "d");
		settle();
		assertThat(monitor.get(PERIOD).body()).as("the change is one staff see").isNotEqualTo(staffBefore);
		assertThat(anyone.get(PERIOD).body()).isEqualTo(publicBefore);
		assertThat(liaison.get(PERIOD).body()).isEqualTo(sideBefore);
	}

	@Test
	@Order(4)
	void badInputIsRefusedWithAStableCode() {
		String base = "/api/bulletins?agreement=aleppo-pause-2016-10";
		assertProblem(anyone.get(base + "&from=2016-10-22&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID", "to");
		assertProblem(anyone.get(base + "&from=2016-13-01&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID", "from");
		assertProblem(anyone.get(base + "&from=yesterday&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID", "from");
		assertProblem(anyone.get(base + "&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID", "from");
		assertProblem(anyone.get(base + "&from=%2B999999999-12-31&to=%2B999999999-12-31"), 400,
				"BULLETIN_PERIOD_INVALID", "from");
		assertProblem(anyone.get(base + "&from=-999999999-01-01&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID",
				"from");
		assertProblem(anyone.get(base + "&from=2015-01-01&to=2016-10-20"), 400, "BULLETIN_PERIOD_INVALID", "to");
		assertProblem(anyone.get(base + "&from=2016-11-01&to=2016-11-30"), 400, "BULLETIN_PERIOD_OUTSIDE_AGREEMENT",
				"from");
		assertProblem(anyone.get(base + "&from=2016-10-01&to=2016-10-19"), 400, "BULLETIN_PERIOD_OUTSIDE_AGREEMENT",
				"from");
		assertProblem(anyone.get("/api/bulletins?agreement=no-such-thing&from=2016-10-20&to=2016-10-22"), 422,
				"UNKNOWN_AGREEMENT", "agreement");
		assertProblem(anyone.get("/api/bulletins?from=2016-10-20&to=2016-10-22"), 422, "FIELD_REQUIRED", "agreement");
		assertProblem(anyone.get(PERIOD + "&zone=nowhere"), 400, "INVALID_QUERY", "zone");
		assertProblem(anyone.get(PERIOD + "&type=PICNIC"), 422, "UNKNOWN_EVENT_TYPE", "type");
		assertProblem(anyone.get(PERIOD + "&party=Nobody%20At%20All"), 400, "INVALID_QUERY", "party");
		assertThat(anyone.get(PERIOD + "&type=air_drone_strike").status()).isEqualTo(200);
		// A period that overlaps the agreement's life in part is fine.
		assertThat(anyone.get(base + "&from=2016-10-01&to=2016-10-20").status()).isEqualTo(200);
	}

	/**
	 * The statistics page, its htmx requests (the same form submitted on a change of a
	 * filter, with {@code HX-Request}) and the API of a reader who may not see a hidden
	 * fact are byte for byte what they were before it: an unpublished strike by Russia
	 * alone, and the staff-only findings it is judged to, are seen by staff only.
	 */
	@Test
	@Order(5)
	void aHiddenFactLeavesTheStatisticsPageItsFragmentsAndTheApiOfOtherReadersAsTheyWere() {
		String q = "agreement=aleppo-pause-2016-10&from=2016-10-20&to=2016-10-22";
		List<String> views = List.of("/statistics?" + q, "/statistics?" + q + "&party=russia",
				"/statistics?" + q + "&party=syria-government&type=AIR_DRONE_STRIKE", "/api/bulletins?" + q,
				"/api/bulletins?" + q + "&party=russia");
		Map<String, String> before = new LinkedHashMap<>();
		for (Map.Entry<String, Http> reader : Map.of("public", anyone, "liaison", liaison).entrySet()) {
			for (String view : views) {
				before.put(reader.getKey() + " " + view, shown(reader.getValue(), view, false));
				if (view.startsWith("/statistics")) {
					before.put(reader.getKey() + " htmx " + view, shown(reader.getValue(), view, true));
				}
			}
		}
		assertThat(before.get("liaison /statistics?" + q)).as("the liaison's page is its side's")
			.contains("Computed over what this liaison")
			.contains("id=\"statistics-results\"");
		assertThat(before.get("public /statistics?" + q)).contains("Computed over the published record only");
		String staffBefore = shown(monitor, "/statistics?" + q, false);

		truce.bean(SubmittingReport.class)
			.submit(strike("2016-10-22T10:00:00+03:00", 36.2100, 37.1500, "Russian Federation", null, "hidden-2"),
					Submitter.record("test"), null, "f");
		settle();

		assertThat(shown(monitor, "/statistics?" + q, false)).as("the hidden strike is one staff see")
			.isNotEqualTo(staffBefore);
		Map<String, String> after = new LinkedHashMap<>();
		for (Map.Entry<String, Http> reader : Map.of("public", anyone, "liaison", liaison).entrySet()) {
			for (String view : views) {
				after.put(reader.getKey() + " " + view, shown(reader.getValue(), view, false));
				if (view.startsWith("/statistics")) {
					after.put(reader.getKey() + " htmx " + view, shown(reader.getValue(), view, true));
				}
			}
		}
		assertThat(after.keySet()).isEqualTo(before.keySet());
		after.forEach((view, body) -> assertThat(body).as(view).isEqualTo(before.get(view)));
	}

	/**
	 * The body of the view as the reader is given it (status 200); a page's CSRF token,
	 * which differs from one answer to the next whatever the record, is the one part
	 * normalised.
	 */
	private static String shown(Http reader, String view, boolean htmx) {
		Http.Response r = htmx ? reader.get(view, "HX-Request", "true", "HX-Current-URL", view) : reader.get(view);
		assertThat(r.status()).as("%s %s", view, r).isEqualTo(200);
		return r.body()
			.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1-")
			.replaceAll("(content=\")[A-Za-z0-9_-]{30,}(\")", "$1-$2");
	}

	static void assertProblem(Http.Response r, int status, String code, String field) {
		assertThat(r.status()).as(r.toString()).isEqualTo(status);
		assertThat(r.isProblem()).as(r.toString()).isTrue();
		assertThat(r.code()).isEqualTo(code);
		assertThat(r.field()).isEqualTo(field);
	}

	static JsonNode bulletin(Http reader) {
		Http.Response r = reader.get(PERIOD);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	static long sum(JsonNode byOutcome) {
		long n = 0;
		for (String k : List.of("VIOLATION", "UNDETERMINED", "NO_VIOLATION")) {
			n += byOutcome.get(k).asLong();
		}
		return n;
	}

	static List<String> rows(JsonNode bulletin, String table) {
		List<String> out = new java.util.ArrayList<>();
		bulletin.get("tables")
			.get(table)
			.forEach(r -> out.add(r.get("actor_id").asString() + "/" + r.get("attribution").asString()));
		return out;
	}

	static long count(JsonNode bulletin, String table, String actor, String attribution) {
		for (JsonNode r : bulletin.get("tables").get(table)) {
			if (r.get("actor_id").asString().equals(actor) && r.get("attribution").asString().equals(attribution)) {
				return r.get("total").asLong();
			}
		}
		return 0;
	}

	static ReportDraft strike(String at, double lat, double lon, String actor, ReportDraft.WhoActedDraft who,
			String externalId) {
		return new ReportDraft("air_drone_strike", new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(lat, lon, "SURVEYED", null, "Aleppo", null, null), actor, null, null,
				"An air strike in Aleppo.", "monitors", externalId, null, who, null);
	}

}
