package org.truce.incident.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of incidents ({@code /incidents}) over HTTP: in every reader's navigation,
 * holding exactly the incidents {@code GET /api/incidents} gives that reader (the public:
 * those of published reports, with nothing of the others, not even how many there are),
 * newest first, one a page here so that the next-page link is followed, filtered by the
 * scenario's local days; and the map's report panel links to the report's incident.
 */
class TheIncidentsListOverHttpTest {

	private static final Pattern ROW = Pattern.compile("id=\"incident-([0-9a-f-]{36})\"");

	private static RunningTruce truce;

	private static Http monitor;

	private static Http liaison;

	private static Http pub;

	/** In Aleppo during the pause, published: the public's newest. */
	private static String aleppo;

	/** By the government, not published: the liaison's and the monitors' only. */
	private static String homs;

	/** At 01:00 on 10 September in Damascus (22:00 UTC on the 9th), published. */
	private static String idlib;

	@BeforeAll
	static void incidentsPublishedAndNot() {
		truce = RunningTruce.sqlite(true, Map.of("truce.pages.incidents-per-page", "1"));
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA, Parties.UNITED_STATES);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		AgreementFixture.load(truce, "aleppo-pause-2016-10");
		monitor = truce.http("monitor");
		liaison = truce.http("liaison:syria-government");
		pub = truce.http();
		Http coChair = truce.http("co-chair:united-states");
		aleppo = report("shelling_artillery_missile_attack", 36.207, 37.157, "2016-10-21T11:00:00+03:00",
				"Government of Syria");
		homs = report("air_drone_strike", 34.73, 36.71, "2016-10-22T12:00:00+03:00", "Government of Syria");
		idlib = report("air_drone_strike", 35.93, 36.63, "2016-09-10T01:00:00+03:00", "Russian Federation");
		for (String published : List.of(aleppo, idlib)) {
			assertThat(coChair.postJson("/api/reports/" + published + "/publication", "{}").status()).isEqualTo(201);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void thePublicFindsTheListInTheNavigationAndPagesThroughThePublishedIncidentsNewestFirst() {
		Http.Response first = pub.get("/incidents");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.contentType()).startsWith("text/html");
		assertThat(first.body()).contains("id=\"incidents-link\"", "href=\"/incidents\"");
		assertThat(pub.get("/").body()).as("the map's navigation").contains("id=\"incidents-link\"");

		List<String> pages = pages(pub, "/incidents");
		assertThat(pages).as("one incident a page, newest first").containsExactly(aleppo, idlib);
		assertThat(String.join(",", pages)).doesNotContain(homs);
		assertThat(pages).containsExactlyInAnyOrderElementsOf(api(pub));
		assertThat(first.body()).as("each row links to the incident's page")
			.contains("href=\"/incidents/" + aleppo + "\"")
			.doesNotContain(homs);
	}

	@Test
	void anUnpublishedIncidentChangesNothingThePublicIsShown() {
		String before = pub.get("/incidents").body() + pub.get(next(pub.get("/incidents").body())).body();
		String daraa = report("shelling_artillery_missile_attack", 32.62, 36.10, "2016-10-23T10:00:00+03:00",
				"Russian Federation");
		assertThat(monitor.get("/incidents").body()).as("the monitors see it").contains("incident-" + daraa);
		String after = pub.get("/incidents").body() + pub.get(next(pub.get("/incidents").body())).body();
		assertThat(after).as("neither the incident nor how many there are").isEqualTo(before);
	}

	@Test
	void aLiaisonIsListedWhatTheApiGivesIt() {
		List<String> pages = pages(liaison, "/incidents");
		assertThat(pages).containsExactlyInAnyOrderElementsOf(api(liaison));
		assertThat(pages).contains(homs, aleppo).doesNotContain(idlib);
		assertThat(liaison.get("/incidents").body()).contains("id=\"incidents-link\"");
	}

	@Test
	void theRangeIsInTheScenariosLocalDays() {
		assertThat(pages(pub, "/incidents?from=2016-09-10&to=2016-09-10")).as("01:00 in Damascus, the 9th in UTC")
			.containsExactly(idlib);
		assertThat(pages(pub, "/incidents?from=2016-09-01&to=2016-09-09")).isEmpty();
		assertThat(pages(monitor, "/incidents?from=2016-10-21&to=2016-10-22")).containsExactly(homs, aleppo);
		Http.Response wrong = pub.get("/incidents?from=yesterday");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.isProblem()).isTrue();
		assertThat(wrong.field()).isEqualTo("from");
	}

	@Test
	void eachIncidentShowsItsMostSeriousFindingToThoseWhoMaySeeIt() throws InterruptedException {
		String row = "";
		for (int i = 0; i < 100 && !row.contains("class=\"outcome"); i++) {
			Thread.sleep(100);
			String body = pub.get("/incidents").body();
			row = body.substring(body.indexOf("id=\"incident-" + aleppo + "\""));
			row = row.substring(0, row.indexOf("</tr>"));
		}
		assertThat(row).as("shelling in Aleppo during the pause, by the government")
			.contains("class=\"outcome outcome-violation\"")
			.contains("violation: aleppo-pause-2016-10/");
	}

	@Test
	void theMapsReportPanelLinksToTheReportsIncident() {
		assertThat(pub.get("/reports/" + aleppo + "/panel").body()).contains("id=\"report-incident-link\"",
				"href=\"/incidents/" + aleppo + "\"");
		assertThat(monitor.get("/reports/" + homs + "/panel").body()).contains("href=\"/incidents/" + homs + "\"");
		assertThat(pub.get("/reports/" + homs + "/panel").body()).doesNotContain("report-incident-link");
	}

	/**
	 * The incidents of every page of the list from {@code start}, following next-page.
	 */
	private static List<String> pages(Http http, String start) {
		List<String> ids = new ArrayList<>();
		String path = start;
		for (int i = 0; path != null && i < 20; i++) {
			Http.Response page = http.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			Matcher row = ROW.matcher(page.body());
			while (row.find()) {
				ids.add(row.group(1));
			}
			path = next(page.body());
		}
		assertThat(new LinkedHashSet<>(ids)).as("no incident twice").hasSameSizeAs(ids);
		return ids;
	}

	private static String next(String body) {
		Matcher link = Pattern.compile("<a href=\"([^\"]+)\" id=\"next-page\"").matcher(body);
		return link.find() ? link.group(1).replace("&amp;", "&") : null;
	}

	private static Set<String> api(Http http) {
		Set<String> ids = new LinkedHashSet<>();
		for (JsonNode incident : http.get("/api/incidents").json()) {
			ids.add(incident.get("id").asString());
		}
		return ids;
	}

	/** A report by the monitors, and its incident. */
	private static String report(String type, double lat, double lon, String at, String actor) {
		String id = monitor
			.postJson("/api/reports",
					"""
							{"eventType": "%s", "when": {"start": "%s", "precision": "EXACT"},
							 "where": {"latitude": %s, "longitude": %s}, "actor": "%s", "source": "monitors"}"""
						.formatted(type, at, lat, lon, actor))
			.json()
			.get("id")
			.asString();
		return IncidentFixture.incidentOf(truce, UUID.fromString(id)).id().toString();
	}

}
