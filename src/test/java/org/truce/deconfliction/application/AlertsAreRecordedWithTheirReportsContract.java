package org.truce.deconfliction.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingUcdp;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.application.UcdpFixture;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report and the proximity alerts it raises are committed together: the moment a report
 * is acknowledged, its alerts and their ledger entries are in the record (read here at
 * once, without waiting), and reports brought in by an import raise alerts as submitted
 * ones do. Run on both stores.
 */
abstract class AlertsAreRecordedWithTheirReportsContract {

	private static RunningTruce truce;

	abstract RunningTruce start();

	private RunningTruce truce() {
		if (truce == null) {
			truce = start();
			truce.bean(ActorDirectory.class)
				.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						List.of("Syrian government"))));
			truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		}
		return truce;
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
			truce = null;
		}
	}

	@Test
	void aSubmittedReportsAlertIsInTheRecordWhenTheReportIsAcknowledged() {
		RunningTruce t = truce();
		Http notifier = t.http().withToken(t.token("notifier"));
		String site = notify(notifier, "Al-Quds hospital", 37.1293, 36.1987);
		Http monitor = t.http().withToken(t.token("monitor"));

		Http.Response created = monitor.postJson("/api/reports", """
				{"eventType": "air_drone_strike", "when": {"start": "2016-04-27T21:40:00+03:00"},
				 "where": {"latitude": 36.1990, "longitude": 37.1296, "precision": "surveyed"},
				 "actor": "Syrian government", "source": "monitors",
				 "narrative": "Air strike on the street of the hospital."}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String report = created.json().get("id").asString();

		// Read at once: no waiting for a background writer.
		JsonNode alert = alertAbout(monitor, report);
		assertThat(alert).as("the alert, in the record as the report was acknowledged").isNotNull();
		assertThat(alert.get("place").get("id").asString()).isEqualTo(site);
		assertThat(alert.get("proximity").asString()).isEqualTo("WITHIN");
		assertThat(ledgerSubjects(t, "alert")).contains(alert.get("id").asString());
	}

	@Test
	void anImportedReportRaisesItsAlertToo() throws Exception {
		RunningTruce t = truce();
		t.bean(Sources.class).save(new Source("ucdp", "UCDP GED", SourceKind.DATASET, Reliability.B));
		List<Map<String, String>> rows = UcdpFixture.realRows(1);
		Map<String, String> row = rows.get(0);
		row.put("id", "990401");
		double lat = Double.parseDouble(row.get("latitude"));
		double lon = Double.parseDouble(row.get("longitude"));
		Http notifier = t.http().withToken(t.token("notifier"));
		String site = notify(notifier, "A clinic where the UCDP event happened", lon, lat);
		Path dir = Files.createTempDirectory("truce-import-alerts");
		try {
			ImportOutcome outcome = t.bean(ImportingUcdp.class)
				.importFile(UcdpFixture.file(UcdpFixture.write(dir.resolve("one.csv"), rows)), ImportProgress.NONE);
			assertThat(outcome).isInstanceOf(ImportOutcome.Completed.class);
		}
		finally {
			RunningTruce.deleteRecursively(dir);
		}
		Report imported = t.bean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> "990401".equals(r.externalId()))
			.findFirst()
			.orElseThrow();

		JsonNode alert = alertAbout(t.http().withToken(t.token("monitor")), imported.id().toString());
		assertThat(alert).as("the imported report's alert").isNotNull();
		assertThat(alert.get("place").get("id").asString()).isEqualTo(site);
		assertThat(ledgerSubjects(t, "alert")).contains(alert.get("id").asString());
	}

	private static String notify(Http notifier, String name, double lon, double lat) {
		Http.Response notified = notifier.postJson("/api/notifications", """
				{"kind": "SITE", "name": "%s", "siteKind": "HOSPITAL",
				 "geometry": {"type": "Point", "coordinates": [%s, %s]}, "parties": ["syria-government"]}"""
			.formatted(name, lon, lat));
		assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
		return notified.json().get("id").asString();
	}

	private static JsonNode alertAbout(Http reader, String report) {
		for (JsonNode a : reader.get("/api/alerts").json().get("items")) {
			if (report.equals(a.get("report").asString())) {
				return a;
			}
		}
		return null;
	}

	private static List<String> ledgerSubjects(RunningTruce t, String kind) {
		long size = t.bean(Ledger.class).size();
		JsonNode entries = t.http().get("/ledger/entries?start=0&end=" + size).json();
		return java.util.stream.StreamSupport.stream(entries.spliterator(), false)
			.filter(e -> kind.equals(e.get("kind").asString()))
			.map(e -> e.get("subject").asString())
			.toList();
	}

}
