package org.truce.adjudication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trilateration: four published air strikes around a notified hospital, each within the
 * alert distance of it, judged under the term that protects humanitarian operations. The
 * same record is built twice, with only the hospital moved 150 m: everything the public
 * and a liaison of a party it was not notified to read of the findings (lists, each
 * incident's findings and panel, counts, map outcomes, the CSV export) is the same in
 * both runs, ids and computation times aside. Monitors read the distances, which differ.
 */
class NobodyLocatesANotifiedSiteFromFindingsTest {

	static final String AGREEMENT = "syria-coh-2016-02";

	/** Around the hospital's first place, 36.2139 N 37.1597 E, 320 to 590 m from both. */
	static final double[][] STRIKES = { { 36.2179, 37.1597 }, { 36.2099, 37.1597 }, { 36.2139, 37.1647 },
			{ 36.2139, 37.1547 } };

	@Test
	void whatThePublicAndAnotherSidesLiaisonReadOfTheFindingsIsTheSameWhereverTheHospitalLiesWithinItsRadius()
			throws Exception {
		Run first = run(37.1597, 36.2139);
		Run moved = run(37.1612, 36.2146);

		assertThat(first.monitor()).as("monitors read the distances to the hospital, which moved")
			.isNotEqualTo(moved.monitor());
		assertThat(first.monitor().toString()).contains("TARGET_HUMANITARIAN", "distanceMetres");
		assertThat(first.anyone().toString()).contains("TARGET_HUMANITARIAN").doesNotContain("distanceMetres");
		assertThat(first.anyone()).isEqualTo(moved.anyone());
		assertThat(first.liaison()).isEqualTo(moved.liaison());
		for (Map<String, String> reads : List.of(first.anyone(), first.liaison())) {
			reads.forEach((path, body) -> assertThat(body).as(path).doesNotContain(first.hospital()));
		}
	}

	/** What each reader reads of the findings, ids normalised. */
	record Run(String hospital, Map<String, String> monitor, Map<String, String> anyone, Map<String, String> liaison) {

	}

	private static Run run(double hospitalLon, double hospitalLat) throws Exception {
		try (RunningTruce truce = RunningTruce.sqlite(true)) {
			truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
			truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
			AgreementFixture.load(truce, AGREEMENT);
			Http.Response notified = truce.http("notifier")
				.postJson("/api/notifications", """
						{"kind": "SITE", "name": "Al-Quds hospital", "siteKind": "HOSPITAL",
						 "geometry": {"type": "Point", "coordinates": [%s, %s]}, "parties": ["syria-government"]}"""
					.formatted(hospitalLon, hospitalLat));
			assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < STRIKES.length; i++) {
				ids.add(truce.bean(SubmittingReport.class)
					.submit(new ReportDraft("air_drone_strike",
							new ReportDraft.When("2016-04-2" + i + "T10:00:00+03:00", null, "EXACT"),
							new ReportDraft.Where(STRIKES[i][0], STRIKES[i][1], "SURVEYED", null, null, "Aleppo", null),
							"Government of Syria", null, null, "An air strike.", "monitors", "M-" + i, null),
							org.truce.report.application.Submitter.record("test"), null, "digest-" + i)
					.report()
					.id()
					.toString());
			}
			truce.bean(AdjudicatingIncidents.class).all();
			truce.bean(PublishingReports.class).publish(ids.stream().map(UUID::fromString).toList(), "test");
			String hospital = notified.json().get("id").asString();
			return new Run(hospital, reads(truce.http("monitor"), ids), reads(truce.http(), ids),
					reads(truce.http("liaison:russia"), ids));
		}
	}

	private static Map<String, String> reads(Http reader, List<String> ids) {
		List<String> paths = new ArrayList<>(List.of("/api/findings?agreement=" + AGREEMENT + "&limit=1000",
				"/api/agreements/" + AGREEMENT + "/outcomes", "/api/agreements/" + AGREEMENT + "/incident-outcomes",
				"/api/exports/findings?agreement=" + AGREEMENT));
		for (String id : ids) {
			paths.add("/api/incidents/" + id + "/findings");
			paths.add("/incidents/" + id + "/findings/panel");
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (String path : paths) {
			Http.Response response = reader.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			String body = response.body().replaceAll("\"computedAt\":\"[^\"]*\"", "");
			String key = path;
			for (int i = 0; i < ids.size(); i++) {
				body = body.replace(ids.get(i), "R" + i);
				key = key.replace(ids.get(i), "R" + i);
			}
			if (path.endsWith("/incident-outcomes")) {
				body = new java.util.TreeMap<>(
						tools.jackson.databind.json.JsonMapper.builder().build().readValue(body, Map.class))
					.toString();
			}
			out.put(key, body);
		}
		return out;
	}

}
