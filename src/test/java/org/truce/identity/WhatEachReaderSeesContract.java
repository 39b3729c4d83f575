package org.truce.identity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.adjudication.model.RecordedFindings;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.model.Claim;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.AgreementFixture;
import org.truce.testing.CliExport;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leak tests: what a liaison of the Syrian government and the public get from every read
 * of reports and findings, over HTTP and through the command line's exports, on a record
 * holding reports of a field monitor at risk. No answer, page or file holds the at-risk
 * source's id, name or contact, any source's id or external ids, or the exact place of an
 * at-risk report; the liaison sees only the reports that concern its side, the public
 * only the published ones; and a monitor sees everything. Each subclass runs it on one
 * store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WhatEachReaderSeesContract {

	static final String AGREEMENT = "aleppo-pause-2016-10";

	static final Source BASHIR = new Source("field-monitor-7", "Field monitor Bashir", SourceKind.MONITOR,
			Reliability.B, true, "+963 555 0101");

	static final Source TEAM = new Source("jmt-monitors", "Joint monitoring team", SourceKind.MONITOR, Reliability.B);

	/** Off the 0.1-degree grid: their cell's centre is 36.25 N, 37.15 E. */
	static final double A_LAT = 36.20213;

	static final double A_LON = 37.13477;

	static final double D_LAT = 35.93187;

	static final double D_LON = 36.63412;

	/**
	 * The at-risk report that sharpens an incident whose first report is published: off
	 * the grid, in the cell whose centre is 36.25 N, 37.15 E.
	 */
	static final double F_LAT = 36.20561;

	static final double F_LON = 37.14093;

	/**
	 * What neither a liaison nor the public may ever read: the at-risk source, every
	 * source's id and name, external ids, and the exact places (and place names) of the
	 * at-risk reports.
	 */
	static final List<String> SECRETS = List.of(BASHIR.id(), BASHIR.name(), BASHIR.contact(), "Bashir", TEAM.id(),
			TEAM.name(), "36.20213", "37.13477", "35.93187", "36.63412", "Bab al-Hadid", "Jebel Saman",
			"Saraqib market", "BASHIR-0001", "BASHIR-0004", "JMT-0002", "JMT-0003", "36.20561", "37.14093",
			"Qadi Askar", "BASHIR-0011", "JMT-0010", "JMT-0012");

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	/** At risk, by the government against the rebels: the liaison's side; published. */
	private String a;

	/** By the government's air force: the liaison's side; not published. */
	private String b;

	/** Between rebels and the Islamic State: not the liaison's side; published. */
	private String c;

	/** At risk, by the Islamic State: not the liaison's side; not published. */
	private String d;

	/**
	 * By the government's air force, 375 m from {@link #f}, by the joint team (not at
	 * risk), 2 km uncertain: the first report of an incident with {@link #f}; published.
	 */
	private String e;

	/**
	 * At risk, placed to 100 m, naming nobody: the second report of {@link #e}'s
	 * incident, and the one its place is taken from; not published.
	 */
	private String f;

	/** {@link #e} again a day later, alone in an incident of its own; published. */
	private String e2;

	private Http liaison;

	private Http anyone;

	private Http monitor;

	private Http coChair;

	abstract RunningTruce start();

	@BeforeAll
	void recordWithAFieldMonitorAtRisk() throws IOException {
		this.started = StartedOrSkipped.start(this::start);
		RunningTruce truce = this.started.get();
		this.truce = truce;
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, List.of()),
					new Actor("syrian-air-force", "Syrian Air Force", ActorType.STATE_FORCE, "syria-government",
							List.of()),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of()),
					new Actor("isis", "Islamic State", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null, List.of()),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of())));
		truce.bean(Sources.class).save(BASHIR);
		truce.bean(Sources.class).save(TEAM);
		AgreementFixture.load(truce, AGREEMENT);
		this.a = submit(new ReportDraft("shelling_artillery_missile_attack",
				new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
				new ReportDraft.Where(A_LAT, A_LON, "SURVEYED", null, "Bab al-Hadid", "Aleppo", "Jebel Saman"),
				"Government of Syria", "Free Syrian Army", null, "Shells struck the old city near a gate.", BASHIR.id(),
				"BASHIR-0001", null));
		this.b = submit(new ReportDraft("air_drone_strike",
				new ReportDraft.When("2016-10-21T13:00:00+03:00", null, "EXACT"),
				new ReportDraft.Where(36.2105, 37.1522, "EXACT", null, null, "Aleppo", null), "Syrian Air Force", null,
				null, "An air strike on eastern Aleppo.", TEAM.id(), "JMT-0002", null));
		this.c = submit(new ReportDraft("armed_clash", new ReportDraft.When("2016-10-21", null, "DAY"),
				new ReportDraft.Where(36.5121, 37.9542, "EXACT", null, null, "Aleppo", null), "Free Syrian Army",
				"Islamic State", null, "Fighting on the approaches to al-Bab.", TEAM.id(), "JMT-0003", null));
		this.d = submit(new ReportDraft("attack", new ReportDraft.When("2016-10-21", null, "DAY"),
				new ReportDraft.Where(D_LAT, D_LON, "SURVEYED", null, "Saraqib market", "Idlib", null), "Islamic State",
				"Free Syrian Army", null, "A car bomb in a market.", BASHIR.id(), "BASHIR-0004", null));
		this.e = submit(airStrikeNearTheCitadel("2016-10-21", "JMT-0010"));
		this.f = submit(
				new ReportDraft("air_drone_strike", new ReportDraft.When("2016-10-21T10:20:00+03:00", null, "EXACT"),
						new ReportDraft.Where(F_LAT, F_LON, "SURVEYED", null, "Qadi Askar", "Aleppo", null), null, null,
						null, "Aircraft struck the quarter.", BASHIR.id(), "BASHIR-0011", null));
		this.e2 = submit(airStrikeNearTheCitadel("2016-10-22", "JMT-0012"));
		truce.bean(Incidents.class)
			.create(UUID.fromString(this.e), List.of(UUID.fromString(this.e), UUID.fromString(this.f)),
					Instant.parse("2016-10-21T08:00:00Z"), "test");
		ManagingIncidents managing = truce.bean(ManagingIncidents.class);
		managing.claim(UUID.fromString(this.e), "syria-government", Claim.Position.ATTRIBUTES, "syrian-air-force",
				"Our aircraft struck a command post there.", "liaison-sy");
		managing.claim(UUID.fromString(this.e), "russia", Claim.Position.DENIES, "syrian-air-force",
				"No Syrian aircraft flew over the city that morning.", "co-chair-ru");
		adjudicateAll(truce);
		truce.bean(PublishingReports.class)
			.publish(List.of(UUID.fromString(this.a), UUID.fromString(this.c), UUID.fromString(this.e),
					UUID.fromString(this.e2)), "test");
		ManagingUsers users = truce.bean(ManagingUsers.class);
		users.add("liaison-sy", null, List.of(Grant.parse("liaison:syria-government").orElseThrow()),
				ManagingUsers.COMMAND_LINE);
		this.liaison = truce.http()
			.withToken(users.issueToken("liaison-sy", "test", null, ManagingUsers.COMMAND_LINE).secret());
		this.anyone = truce.http();
		this.monitor = truce.http("monitor");
		this.coChair = truce.http("co-chair:russia");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	/**
	 * Judges the whole record; again if PostgreSQL chose this run as the victim of a
	 * deadlock with the background adjudication of the reports just submitted (both
	 * upsert the same findings).
	 */
	private static void adjudicateAll(RunningTruce truce) {
		for (int attempt = 1;; attempt++) {
			try {
				truce.bean(AdjudicatingIncidents.class).all();
				return;
			}
			catch (org.springframework.dao.PessimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private static ReportDraft airStrikeNearTheCitadel(String day, String externalId) {
		return new ReportDraft("air_drone_strike", new ReportDraft.When(day + "T10:00:00+03:00", null, "EXACT"),
				new ReportDraft.Where(36.2050, 37.1450, "EXACT", null, null, "Aleppo", null), "Syrian Air Force", null,
				null, "An air strike near the citadel.", TEAM.id(), externalId, null);
	}

	private String submit(ReportDraft draft) {
		return this.truce.bean(SubmittingReport.class)
			.submit(draft, org.truce.report.application.Submitter.record("test"), null, "digest")
			.report()
			.id()
			.toString();
	}

	// ---------------------------------------------------------------- no leaks

	@Test
	void noAnswerToALiaisonHoldsAReporterOrTheExactPlaceOfAnAtRiskReport() {
		assertNoLeaks(everyRead(this.liaison));
	}

	@Test
	void noAnswerToThePublicHoldsAReporterOrTheExactPlaceOfAnAtRiskReport() {
		assertNoLeaks(everyRead(this.anyone));
	}

	@SlowTest
	@Test
	void noExportFromTheCommandLineForALiaisonOrThePublicHoldsAReporterOrAnExactAtRiskPlace() throws IOException {
		for (String[] reader : List.of(new String[] { "--as", "liaison-sy" }, new String[] { "--public" })) {
			for (String format : List.of("csv", "geojson")) {
				CliExport export = export(reader, "reports", "--format", format);
				assertThat(export.exitCode()).as(export.err()).isZero();
				assertThat(export.err()).doesNotContain("reporter identities");
				assertNoLeaks(Map.of("truce export reports " + String.join(" ", reader) + " " + format, export.file()));
				assertThat(export.file()).contains(reader[0].equals("--public") ? this.c : this.b).contains(this.a);
			}
			CliExport findings = export(reader, "findings", "--agreement", AGREEMENT);
			assertThat(findings.exitCode()).as(findings.err()).isZero();
			assertNoLeaks(Map.of("truce export findings " + String.join(" ", reader), findings.file()));
			assertThat(findings.file()).contains(this.a).contains("LOCATION_WITHHELD");
		}
	}

	// ---------------------------------------------------------------- a liaison

	@Test
	void aLiaisonSeesTheReportsThatConcernItsSideAndNoOthers() {
		assertThat(fixtureIds(this.liaison.get("/api/reports?limit=1000").json().get("items")))
			.containsExactlyInAnyOrder(this.a, this.b);
		assertThat(this.liaison.get("/api/reports/" + this.b).status()).isEqualTo(200);
		for (String hidden : List.of(this.c, this.d)) {
			assertNotFound(this.liaison.get("/api/reports/" + hidden));
			assertThat(this.liaison.get("/reports/" + hidden + "/panel").status()).isEqualTo(404);
			assertThat(this.liaison.get("/api/incidents/" + hidden + "/findings").json().size()).isZero();
			assertThat(this.liaison.get("/incidents/" + hidden + "/findings/panel").body())
				.doesNotContain("aleppo-pause-2016-10/");
		}
		assertThat(fixtureIds(this.liaison.get("/api/map/reports").json().get("features")))
			.containsExactlyInAnyOrder(this.a, this.b);
		assertThat(this.liaison.get("/api/agreements/" + AGREEMENT + "/incident-outcomes").json().propertyNames())
			.doesNotContain(this.c, this.d);
		assertThat(this.liaison.get("/api/exports/reports?format=csv").body()).contains(this.a, this.b)
			.doesNotContain(this.c, this.d);
	}

	@Test
	void anAtRiskReportIsShownToALiaisonAtTheCentreOfItsGridCellAndSaysSo() {
		JsonNode report = this.liaison.get("/api/reports/" + this.a).json();

		JsonNode where = report.get("where");
		assertThat(where.get("latitude").asDouble()).isEqualTo(36.25);
		assertThat(where.get("longitude").asDouble()).isEqualTo(37.15);
		assertThat(where.get("precision").asString()).isEqualTo("NEAR");
		assertThat(where.get("uncertaintyMetres").asDouble())
			.isGreaterThanOrEqualTo(new CoarseGrid(0.1).halfDiagonalMetres(36.25, 37.15));
		assertThat(where.has("placeName")).isFalse();
		assertThat(where.has("admin2")).isFalse();
		assertThat(where.get("admin1").asString()).isEqualTo("Aleppo");
		assertThat(report.has("source")).isFalse();
		assertThat(report.has("externalId")).isFalse();
		assertThat(report.get("flags").findValuesAsString("code")).contains("LOCATION_COARSENED");
		assertThat(this.liaison.get("/reports/" + this.a + "/panel").body())
			.contains("Coarsened to protect the reporter", "0.1° grid cell", "36.25000° N, 37.15000° E")
			.doesNotContain("<dt>Source</dt>");
		JsonNode point = feature(this.liaison.get("/api/map/reports").json(), this.a);
		assertThat(point.get("properties").get("coarsened").asBoolean()).isTrue();
		assertThat(point.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(36.25);
	}

	@Test
	void aLiaisonCannotLocateAnAtRiskReportWithSmallSpatialQueries() {
		assertThat(fixtureIds(
				this.liaison.get("/api/reports?lat=" + A_LAT + "&lon=" + A_LON + "&radius=200").json().get("items")))
			.doesNotContain(this.a);
		assertThat(fixtureIds(this.liaison.get("/api/reports?bbox=37.134,36.202,37.135,36.203").json().get("items")))
			.doesNotContain(this.a);
		assertThat(fixtureIds(this.liaison.get("/api/reports?lat=36.25&lon=37.15&radius=100").json().get("items")))
			.containsExactly(this.a);
		assertThat(fixtureIds(
				this.anyone.get("/api/reports?lat=" + A_LAT + "&lon=" + A_LON + "&radius=200").json().get("items")))
			.doesNotContain(this.a);
		assertThat(fixtureIds(this.anyone.get("/api/reports?lat=36.25&lon=37.15&radius=100").json().get("items")))
			.containsExactly(this.a);
	}

	@Test
	void theFindingsOfAnAtRiskReportWithholdTheReasonsAndZonesFoundFromItsExactPlace() {
		JsonNode seenByMonitor = this.monitor.get("/api/incidents/" + this.a + "/findings").json();
		assertThat(seenByMonitor.findValuesAsString("code")).contains("INSIDE_ZONE");
		assertThat(seenByMonitor.get(0).get("zones").size()).isPositive();

		for (Http reader : List.of(this.liaison, this.anyone)) {
			JsonNode findings = reader.get("/api/incidents/" + this.a + "/findings").json();
			assertThat(findings.size()).isEqualTo(seenByMonitor.size());
			assertThat(findings.findValuesAsString("code")).contains("LOCATION_WITHHELD")
				.doesNotContain("INSIDE_ZONE", "OUTSIDE_ZONE", "ZONE_EDGE_STRADDLED");
			findings.forEach(f -> {
				assertThat(f.get("zones").size()).isZero();
				assertThat(f.has("externalIds") && f.get("externalIds").size() > 0).isFalse();
			});
			assertThat(reader.get("/api/findings?zone=aleppo-city&limit=1000").body()).doesNotContain(this.a);
		}
		assertThat(this.liaison.get("/api/findings?zone=aleppo-city&limit=1000").body()).contains(this.b);
	}

	@Test
	void noReaderButMonitorsAndCoChairsFiltersBySourceOrReadsTheClock() {
		Http.Response bySource = this.liaison.get("/api/reports?source=" + BASHIR.id());
		assertThat(bySource.status()).isEqualTo(403);
		assertThat(bySource.code()).isEqualTo("FORBIDDEN");
		assertThat(this.anyone.get("/api/reports?source=" + BASHIR.id()).status()).isEqualTo(403);
		assertThat(this.liaison.get("/api/exports/reports?format=csv&source=" + BASHIR.id()).status()).isEqualTo(403);
		assertThat(this.liaison.get("/api/agreements/" + AGREEMENT + "/clock").status()).isEqualTo(403);
		assertThat(this.anyone.get("/api/agreements/" + AGREEMENT + "/clock").status()).isEqualTo(401);
		assertThat(this.liaison.get("/api/sources").status()).isEqualTo(403);
	}

	// ---------------------------------------------------------------- the public

	@Test
	void thePublicSeesThePublishedReportsAndNoOthers() {
		assertThat(fixtureIds(this.anyone.get("/api/reports?limit=1000").json().get("items")))
			.containsExactlyInAnyOrder(this.a, this.c);
		for (String unpublished : List.of(this.b, this.d)) {
			assertNotFound(this.anyone.get("/api/reports/" + unpublished));
			assertThat(this.anyone.get("/reports/" + unpublished + "/panel").status()).isEqualTo(404);
			assertThat(this.anyone.get("/api/incidents/" + unpublished + "/findings").json().size()).isZero();
		}
		assertThat(fixtureIds(this.anyone.get("/api/map/reports").json().get("features")))
			.containsExactlyInAnyOrder(this.a, this.c);
		assertThat(this.anyone.get("/api/agreements/" + AGREEMENT + "/incident-outcomes").json().propertyNames())
			.contains(this.a)
			.doesNotContain(this.b, this.d);
		String csv = this.anyone.get("/api/exports/reports?format=csv").body();
		assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("source", "external_id");
		assertThat(csv).contains(this.a, this.c).doesNotContain(this.b, this.d);
		JsonNode outcomes = this.anyone.get("/api/agreements/" + AGREEMENT + "/outcomes").json();
		JsonNode all = this.monitor.get("/api/agreements/" + AGREEMENT + "/outcomes").json();
		long seen = 0;
		long every = 0;
		for (String outcome : List.of("VIOLATION", "NO_VIOLATION", "UNDETERMINED")) {
			seen += outcomes.get(outcome).asLong();
			every += all.get(outcome).asLong();
		}
		assertThat(seen).as("the findings about unpublished reports are not counted").isLessThan(every);
	}

	// ---------------------------------------------------------------- OGC API – Features

	@Test
	void theOgcApiGivesEachReaderTheReportsAndIncidentsTheRestApiGivesAndNoCountOfOthers() {
		for (Http reader : List.of(this.anyone, this.liaison, this.monitor, this.coChair)) {
			JsonNode ogc = reader.get("/ogc/collections/reports/items?limit=1000").json();
			List<String> rest = fixtureIds(reader.get("/api/reports?limit=1000").json().get("items"));
			assertThat(fixtureIds(ogc.get("features"))).containsExactlyInAnyOrderElementsOf(rest);
			assertThat(ogc.get("numberReturned").asInt()).isEqualTo(ogc.get("features").size());
			for (String id : List.of(this.a, this.b, this.c, this.d)) {
				Http.Response one = reader.get("/ogc/collections/reports/items/" + id);
				assertThat(one.status()).as(id).isEqualTo(rest.contains(id) ? 200 : 404);
				if (rest.contains(id)) {
					JsonNode restOne = reader.get("/api/reports/" + id).json();
					assertThat(one.json().get("geometry").get("coordinates").get(1).asDouble())
						.isEqualTo(restOne.get("where").get("latitude").asDouble());
					assertThat(one.json().get("properties").has("source")).isEqualTo(restOne.has("source"));
				}
			}
			JsonNode incidents = reader.get("/ogc/collections/incidents/items?limit=1000").json();
			List<String> restIncidents = new ArrayList<>();
			reader.get("/api/incidents?limit=500").json().forEach(i -> restIncidents.add(i.get("id").asString()));
			List<String> ogcIncidents = new ArrayList<>();
			incidents.get("features").forEach(f -> ogcIncidents.add(f.get("id").asString()));
			assertThat(ogcIncidents).containsExactlyElementsOf(restIncidents);
			assertThat(incidents.get("numberMatched").asInt()).isEqualTo(restIncidents.size());
		}
		assertThat(fixtureIds(this.anyone.get("/ogc/collections/reports/items?limit=1000").json().get("features")))
			.containsExactlyInAnyOrder(this.a, this.c);
		// The at-risk report is matched where the liaison is shown it, the centre of its
		// cell.
		assertThat(fixtureIds(this.liaison.get("/ogc/collections/reports/items?bbox=37.134,36.202,37.135,36.203")
			.json()
			.get("features"))).doesNotContain(this.a);
		assertThat(fixtureIds(this.liaison.get("/ogc/collections/reports/items?bbox=37.149,36.249,37.151,36.251")
			.json()
			.get("features"))).containsExactly(this.a);
	}

	// ---------------------------------------------------------------- a monitor

	@Test
	void aMonitorSeesEveryReportWithItsSourceAndExactPlace() {
		assertThat(fixtureIds(this.monitor.get("/api/reports?limit=1000").json().get("items")))
			.containsExactlyInAnyOrder(this.a, this.b, this.c, this.d);
		JsonNode report = this.monitor.get("/api/reports/" + this.a).json();
		assertThat(report.get("source").asString()).isEqualTo(BASHIR.id());
		assertThat(report.get("externalId").asString()).isEqualTo("BASHIR-0001");
		assertThat(report.get("where").get("latitude").asDouble()).isEqualTo(A_LAT);
		assertThat(report.get("where").get("placeName").asString()).isEqualTo("Bab al-Hadid");
		assertThat(report.has("flags") && report.get("flags").findValuesAsString("code").contains("LOCATION_COARSENED"))
			.isFalse();
		assertThat(this.monitor.get("/reports/" + this.a + "/panel").body()).contains(BASHIR.name(), "at risk",
				"36.20213° N, 37.13477° E");
		assertThat(this.monitor.get("/api/sources").body()).contains(BASHIR.contact(), "\"atRisk\":true");
		assertThat(this.monitor.get("/api/exports/reports?format=geojson").body()).contains("36.20213", BASHIR.id(),
				"35.93187");
		assertThat(this.monitor.get("/api/reports?lat=" + A_LAT + "&lon=" + A_LON + "&radius=200").body())
			.contains(this.a);
		assertThat(this.monitor.get("/api/exports/findings?agreement=" + AGREEMENT).body()).contains("BASHIR-0001");
	}

	@Test
	void theOperatorsFullExportHoldsEverythingAndSaysSo() throws IOException {
		CliExport export = export(new String[0], "reports", "--format", "csv");

		assertThat(export.exitCode()).as(export.err()).isZero();
		assertThat(export.err()).contains("holds reporter identities and exact locations");
		assertThat(export.file()).contains(BASHIR.id(), "36.20213", "BASHIR-0004", this.b, this.d);
	}

	@SlowTest
	@Test
	void exportingAsAnUnknownUserIsRefused() throws IOException {
		CliExport export = export(new String[] { "--as", "nobody-here" }, "reports", "--format", "csv");

		assertThat(export.exitCode()).isEqualTo(2);
		assertThat(export.err()).contains("no user is named nobody-here");
	}

	// ---------------------------------------------------------------- publishing

	@Test
	void aCoChairPublishesAReportOnceWithOneLedgerEntry() {
		String e = submit(new ReportDraft("armed_clash", new ReportDraft.When("2016-10-22", null, "DAY"),
				new ReportDraft.Where(35.1, 36.7, "EXACT", null, null, "Hama", null), "Free Syrian Army", null, null,
				"Fighting near Hama.", TEAM.id(), "JMT-0005", null));
		Ledger ledger = this.truce.bean(Ledger.class);
		assertNotFound(this.anyone.get("/api/reports/" + e));
		assertThat(this.liaison.post("/api/reports/" + e + "/publication", null, new byte[0], false).status())
			.isEqualTo(403);
		assertThat(this.anyone.post("/api/reports/" + e + "/publication", null, new byte[0], false).status())
			.isEqualTo(401);
		long before = ledger.size();

		Http.Response first = this.coChair.post("/api/reports/" + e + "/publication", null, new byte[0], false);
		long afterFirst = ledger.size();
		Http.Response second = this.coChair.post("/api/reports/" + e + "/publication", null, new byte[0], false);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("reportId").asString()).isEqualTo(e);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("publishedAt")).isEqualTo(first.json().get("publishedAt"));
		// adjudication logs its findings on its own thread (findings-recorded), so
		// those entries may land in between: every other entry is the publication's
		assertThat(kindsBesideFindings(ledger, before, afterFirst)).containsExactly("publication");
		assertThat(kindsBesideFindings(ledger, afterFirst, ledger.size())).isEmpty();
		assertThat(this.anyone.get("/api/reports/" + e).status()).isEqualTo(200);
		assertNotFound(
				this.coChair.post("/api/reports/" + UUID.randomUUID() + "/publication", null, new byte[0], false));
		assertNotFound(this.coChair.post("/api/reports/not-a-report/publication", null, new byte[0], false));
	}

	private static List<String> kindsBesideFindings(Ledger ledger, long from, long to) {
		return ledger.entries(from, to)
			.stream()
			.map(entry -> entry.kind())
			.filter(kind -> !kind.equals(RecordedFindings.KIND))
			.toList();
	}

	// ---------------------------------------------------------------- incidents seen in
	// part

	@Test
	void aReaderWhoSeesOnlyPartOfAnIncidentGetsTheFindingsOfThePartItSeesWhereverFindingsAreRead() {
		JsonNode whole = this.monitor.get("/api/incidents/" + this.e + "/findings").json();
		JsonNode alone = this.monitor.get("/api/incidents/" + this.e2 + "/findings").json();
		assertThat(whole.size()).isPositive();
		assertThat(normalised(whole)).as("the at-risk report sharpens the incident's findings")
			.isNotEqualTo(normalised(alone));

		for (Http reader : List.of(this.liaison, this.anyone)) {
			List<String> twin = normalised(reader.get("/api/incidents/" + this.e2 + "/findings").json());
			assertThat(twin).isNotEmpty();
			assertThat(normalised(reader.get("/api/incidents/" + this.e + "/findings").json()))
				.as("what a reader who may not see the at-risk report gets of the incident: as if it did not exist")
				.isEqualTo(twin);
			assertThat(normalised(reader.get("/api/findings?incident=" + this.e + "&limit=1000").json().get("items")))
				.isEqualTo(twin);
			assertThat(normalised(onlyOf(
					reader.get("/api/findings?agreement=" + AGREEMENT + "&limit=1000").json().get("items"), this.e)))
				.isEqualTo(twin);
			String csv = reader.get("/api/exports/findings?agreement=" + AGREEMENT).body();
			assertThat(csvRows(csv, this.e)).isNotEmpty().isEqualTo(csvRows(csv, this.e2));
			JsonNode outcomes = reader.get("/api/agreements/" + AGREEMENT + "/incident-outcomes").json();
			assertThat(outcomes.get(this.e)).isEqualTo(outcomes.get(this.e2));
			assertThat(reader.get("/incidents/" + this.e + "/findings/panel")
				.body()
				.replace(this.e, "ID")
				.replace("2016-10-21", "DAY"))
				.isEqualTo(reader.get("/incidents/" + this.e2 + "/findings/panel")
					.body()
					.replace(this.e2, "ID")
					.replace("2016-10-22", "DAY"));
		}
	}

	@Test
	void everyListCountAndPageOfFindingsAgreesWithTheOthersForEveryReader() {
		for (Http reader : List.of(this.liaison, this.anyone, this.monitor)) {
			JsonNode listed = reader.get("/api/findings?agreement=" + AGREEMENT + "&limit=1000").json().get("items");
			Map<String, Long> byOutcome = new LinkedHashMap<>();
			listed.forEach(f -> byOutcome.merge(f.get("outcome").asString(), 1L, Long::sum));
			JsonNode counts = reader.get("/api/agreements/" + AGREEMENT + "/outcomes").json();
			for (String outcome : List.of("VIOLATION", "NO_VIOLATION", "UNDETERMINED")) {
				assertThat(counts.get(outcome).asLong()).as(outcome).isEqualTo(byOutcome.getOrDefault(outcome, 0L));
			}
			List<String> paged = new ArrayList<>();
			String next = null;
			do {
				JsonNode page = reader
					.get("/api/findings?agreement=" + AGREEMENT + "&limit=2" + (next == null ? "" : "&cursor=" + next))
					.json();
				page.get("items").forEach(f -> paged.add(f.toString()));
				next = page.has("next") && !page.get("next").isNull() ? page.get("next").asString() : null;
			}
			while (next != null);
			List<String> all = new ArrayList<>();
			listed.forEach(f -> all.add(f.toString()));
			assertThat(strip(paged)).as("page by page, the same findings in the same order").isEqualTo(strip(all));
			String csv = reader.get("/api/exports/findings?agreement=" + AGREEMENT).body();
			assertThat(csv.lines().count() - 1).isEqualTo(listed.size());
		}
	}

	@Test
	void theIdOfAReportTheReaderMayNotSeeAnswersAsAnUnknownIdWouldEvenWhenItsIncidentIsSeen() {
		String unknown = UUID.randomUUID().toString();
		for (Http reader : List.of(this.liaison, this.anyone)) {
			Http.Response hidden = reader.get("/api/incidents/" + this.f);
			Http.Response none = reader.get("/api/incidents/" + unknown);
			assertThat(hidden.status()).as(hidden.body()).isEqualTo(none.status()).isEqualTo(404);
			assertThat(hidden.contentType()).isEqualTo(none.contentType());
			assertThat(hidden.body().replace(this.f, "ID")).isEqualTo(none.body().replace(unknown, "ID"));
			Http.Response page = reader.get("/incidents/" + this.f);
			assertThat(page.status()).isEqualTo(reader.get("/incidents/" + unknown).status());
			JsonNode seen = reader.get("/api/incidents/" + this.e).json();
			assertThat(seen.get("id").asString()).isEqualTo(this.e);
			assertThat(seen.get("reports").findValuesAsString("id")).containsExactly(this.e);
			assertThat(seen.toString()).doesNotContain(this.f);
		}
		assertThat(this.monitor.get("/api/incidents/" + this.f).json().get("id").asString()).isEqualTo(this.e);
	}

	@Test
	void aClaimIsShownOnlyToStaffAndToTheLiaisonsOfTheSideThatMadeIt() {
		JsonNode toMonitor = this.monitor.get("/api/incidents/" + this.e).json();
		assertThat(toMonitor.get("claims").findValuesAsString("madeBy")).containsExactlyInAnyOrder("liaison-sy",
				"co-chair-ru");
		assertThat(toMonitor.get("attribution").get("contested").asBoolean()).isTrue();

		JsonNode toLiaison = this.liaison.get("/api/incidents/" + this.e).json();
		assertThat(toLiaison.get("claims").findValuesAsString("side")).containsExactly("syria-government");
		assertThat(toLiaison.get("claims").findValuesAsString("madeBy")).containsExactly("liaison-sy");
		assertThat(toLiaison.toString()).doesNotContain("co-chair-ru", "No Syrian aircraft flew");
		assertThat(toLiaison.get("attribution").get("contested").asBoolean()).isFalse();

		Http.Response toPublic = this.anyone.get("/api/incidents/" + this.e);
		assertThat(toPublic.json().get("claims").size()).isZero();
		assertThat(toPublic.body()).doesNotContain("liaison-sy", "co-chair-ru", "Our aircraft struck",
				"No Syrian aircraft flew");
		assertThat(toPublic.json().get("attribution").get("contested").asBoolean()).isFalse();
		assertThat(this.anyone.get("/incidents/" + this.e).body()).doesNotContain("liaison-sy", "co-chair-ru",
				"Our aircraft struck", "No Syrian aircraft flew");
	}

	// ---------------------------------------------------------------- helpers

	/** Findings as strings, without their incident's id and times, and days made one. */
	private static List<String> normalised(JsonNode findings) {
		List<String> out = new ArrayList<>();
		findings.forEach(f -> {
			tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) f).deepCopy();
			copy.remove(List.of("incident", "incidentStart", "incidentEnd", "computedAt"));
			out.add(copy.toString().replace("2016-10-22", "2016-10-21"));
		});
		return out;
	}

	private static List<String> strip(List<String> findings) {
		return findings.stream().map(s -> s.replaceAll("\"computedAt\":\"[^\"]*\"", "")).toList();
	}

	private static JsonNode onlyOf(JsonNode findings, String incident) {
		tools.jackson.databind.node.ArrayNode out = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.createArrayNode();
		findings.forEach(f -> {
			if (f.get("incident").asString().equals(incident)) {
				out.add(f);
			}
		});
		return out;
	}

	/** The export's rows about an incident, with its id and day made the same. */
	private static List<String> csvRows(String csv, String incident) {
		return csv.lines()
			.filter(l -> l.startsWith(incident))
			.map(l -> l.replace(incident, "ID").replace("2016-10-22", "2016-10-21"))
			.toList();
	}

	/** Every read of reports and findings, and the map page, as the reader gets them. */
	private Map<String, String> everyRead(Http reader) {
		List<String> paths = new ArrayList<>(List.of("/", "/api/reports", "/api/reports?limit=1000",
				"/api/reports?lat=" + A_LAT + "&lon=" + A_LON + "&radius=200", "/api/reports?bbox=36,35,38,37",
				"/api/reports?actor=syria-government", "/api/map/reports", "/api/map/reports?from=2016-10-01",
				"/api/findings?limit=1000", "/api/findings?agreement=" + AGREEMENT + "&limit=1000",
				"/api/findings?zone=aleppo-city", "/api/agreements/" + AGREEMENT + "/outcomes",
				"/api/agreements/" + AGREEMENT + "/incident-outcomes", "/api/agreements/" + AGREEMENT + "/clock",
				"/api/exports/reports?format=csv", "/api/exports/reports?format=geojson",
				"/api/exports/findings?agreement=" + AGREEMENT, "/ogc/collections/reports/items?limit=1000",
				"/ogc/collections/reports/items?limit=1000&f=html", "/ogc/collections/incidents/items?limit=1000",
				"/ogc/collections/reports/items?bbox=36,35,38,37&datetime=2016-10-01T00:00:00Z/..",
				"/ogc/collections/notified-places/items"));
		for (String id : List.of(this.a, this.b, this.c, this.d, this.e, this.f, this.e2)) {
			paths.addAll(List.of("/api/reports/" + id, "/reports/" + id + "/panel",
					"/api/incidents/" + id + "/findings", "/incidents/" + id + "/findings/panel",
					"/ogc/collections/reports/items/" + id, "/ogc/collections/reports/items/" + id + "?f=html"));
		}
		Map<String, String> bodies = new LinkedHashMap<>();
		for (String path : paths) {
			Http.Response response = reader.get(path);
			assertThat(response.status()).as(path).isNotEqualTo(500);
			bodies.put(path, response.body());
		}
		return bodies;
	}

	private static void assertNoLeaks(Map<String, String> bodies) {
		bodies.forEach((what, body) -> {
			for (String secret : SECRETS) {
				assertThat(body).as("%s must not hold %s", what, secret).doesNotContain(secret);
			}
		});
	}

	private static void assertNotFound(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("NOT_FOUND");
	}

	/** The ids of this class's reports among the items, in order. */
	private List<String> fixtureIds(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach(item -> {
			String id = item.get("id").asString();
			if (List.of(this.a, this.b, this.c, this.d).contains(id)) {
				ids.add(id);
			}
		});
		return ids;
	}

	private static JsonNode feature(JsonNode collection, String id) {
		for (JsonNode f : collection.get("features")) {
			if (f.get("id").asString().equals(id)) {
				return f;
			}
		}
		throw new AssertionError("no feature " + id);
	}

	private CliExport export(String[] reader, String what, String... args) {
		return CliExport.run(this.truce, List.of(reader), what, args);
	}

}
