package org.truce.report.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingAcled;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor files a report on the Syrian government's shelling, and another monitor
 * imports an ACLED file. Each report records who submitted it: staff (monitors,
 * co-chairs) read it in the API and open it in the ledger, where it is a salted
 * commitment of its own group; the side's liaison and the public read neither, even once
 * the report is published. A command-line import, which has no user, records its run.
 */
class EachReportRecordsWhoSubmittedItTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static String monitorId;

	private static String report;

	@BeforeAll
	static void aMonitorFilesAReport() {
		truce = RunningTruce.sqlite(true);
		truce.register(
				new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						List.of("Syrian government")),
				new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of()));
		truce.bean(Sources.class).save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
		monitor = truce.http("monitor");
		monitorId = monitor.get("/api/me").json().get("userId").asString();
		Http.Response created = monitor.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
				 "where": {"latitude": 36.21, "longitude": 37.15}, "source": "monitors",
				 "actor": "Syrian government", "narrative": "shelling"}""");
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.json().get("submitter").asString()).isEqualTo(monitorId);
		report = created.json().get("id").asString();
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void staffReadWhoSubmittedAReport() {
		assertThat(monitor.get("/api/reports/" + report).json().get("submitter").asString()).isEqualTo(monitorId);
		assertThat(
				truce.http("co-chair:united-states").get("/api/reports/" + report).json().get("submitter").asString())
			.isEqualTo(monitorId);
		assertThat(truce.jdbc()
			.sql("SELECT submitter FROM reports WHERE id = ?")
			.param(truce.dialect().uuid(UUID.fromString(report)))
			.query(String.class)
			.single()).isEqualTo(monitorId);
	}

	@Test
	void theSidesLiaisonAndThePublicNeverReadWhoSubmittedIt() {
		truce.bean(PublishingReports.class).publish(List.of(UUID.fromString(report)), "test");
		for (Http reader : List.of(truce.http("liaison:syria-government"), new Http(truce.baseUri()),
				truce.http("notifier"))) {
			Http.Response read = reader.get("/api/reports/" + report);
			assertThat(read.status()).as("%s", read).isEqualTo(200);
			assertThat(read.json().path("submitter").isNull() || read.json().path("submitter").isMissingNode())
				.as("%s", read)
				.isTrue();
			assertThat(read.body()).doesNotContain(monitorId);
			Http.Response entries = reader.get("/ledger/entries?start=0&end=" + truce.bean(Ledger.class).size());
			JsonNode entry = reportEntry(entries.json());
			assertThat(body(entry).get("commitments").has("submitter")).isTrue();
			for (JsonNode d : entry.get("disclosures")) {
				assertThat(d.get("group").asString()).isNotEqualTo("submitter");
			}
			// User ids are public (user-added entries): the report's entry must not link
			// one.
			assertThat(entry.toString()).doesNotContain(monitorId);
		}
	}

	@Test
	void theLedgerCommitsToTheSubmitterInAGroupOfItsOwnOpenedToStaff() {
		JsonNode entry = reportEntry(
				monitor.get("/ledger/entries?start=0&end=" + truce.bean(Ledger.class).size()).json());
		JsonNode opening = null;
		for (JsonNode d : entry.get("disclosures")) {
			if (d.get("group").asString().equals("submitter")) {
				opening = d;
			}
		}
		assertThat(opening).as("%s", entry).isNotNull();
		assertThat(opening.toString()).contains(monitorId);
		assertThat(body(entry).toString()).doesNotContain(monitorId);
	}

	@Test
	void anImportRecordsTheImportingMonitorOverHttpAndTheRunOnTheCommandLine() throws IOException {
		byte[] file;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("acled/acled_syria_names_sample.csv")) {
			file = in.readAllBytes();
		}
		Http importer = truce.http("monitor");
		String importerId = importer.get("/api/me").json().get("userId").asString();
		Http.Response imported = importer.post("/api/imports/acled?name=acled.csv", "text/csv", file, false);
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);
		assertThat(submitters("SYRN%")).containsOnly(importerId);

		byte[] other = new String(file, java.nio.charset.StandardCharsets.UTF_8).replace("SYR", "SYX")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ImportOutcome.Completed done = (ImportOutcome.Completed) truce.bean(ImportingAcled.class)
			.importFile(new ImportFile("cli.csv", other.length, () -> new ByteArrayInputStream(other)),
					ImportProgress.NONE);
		assertThat(done.run().counts().imported()).isPositive();
		assertThat(submitters("SYXN%")).containsOnly("import:" + done.run().id());
	}

	/** The submitters of the imported reports whose external id is like this. */
	private static List<String> submitters(String externalIdLike) {
		return truce.jdbc()
			.sql("SELECT DISTINCT submitter FROM reports WHERE source_id = 'acled' AND external_id LIKE ?")
			.param(externalIdLike)
			.query(String.class)
			.list();
	}

	/** The body of a served entry, whose {@code entry} is the canonical JSON logged. */
	private static JsonNode body(JsonNode served) {
		return JsonMapper.builder().build().readTree(served.get("entry").asString()).get("body");
	}

	private static JsonNode reportEntry(JsonNode entries) {
		for (JsonNode entry : entries) {
			if ("report".equals(entry.get("kind").asString()) && report.equals(entry.get("subject").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no entry for report " + report + " in " + entries);
	}

}
