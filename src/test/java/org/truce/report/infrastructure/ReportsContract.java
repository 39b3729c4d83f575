package org.truce.report.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.NameMatch;
import org.truce.report.application.Publications;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Casualties;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.DataFlag;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceFields;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.WhoActed;
import org.truce.shared.Geodesic;
import org.truce.testing.GeodesicFixture;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.ReportFixture.keyed;
import static org.truce.testing.ReportFixture.report;
import static org.truce.testing.ReportFixture.unkeyed;

/**
 * What every {@link Reports} store must do. Each subclass runs it against one real store,
 * started through the application context; every test begins with an empty store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcReports.class, JdbcPublications.class, JdbcSources.class };

	private static final Instant NOON = Instant.parse("2016-09-19T12:00:00Z");

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Reports reports;

	private Publications publications;

	/** A source whose reporter could be harmed if its reports were placed exactly. */
	private static final Source AT_RISK = new Source("field-7", "Field monitor Bashir", SourceKind.MONITOR,
			Reliability.B, true, "+963 555 0101");

	private static final CoarseGrid GRID = new CoarseGrid(0.1);

	/** What a reader who may not see sources reaches of the whole record. */
	private static final ReportQuery.Scope COARSE = new ReportQuery.Scope(null, false, GRID);

	/** Starts the application on the store under test. */
	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyStoreWithSources() {
		this.truce = this.started.get();
		this.reports = this.truce.bean(Reports.class);
		this.publications = this.truce.bean(Publications.class);
		this.truce.wipe();
		Sources sources = this.truce.bean(Sources.class);
		sources.save(ReportFixture.ucdp());
		sources.save(ReportFixture.monitor());
		sources.save(AT_RISK);
	}

	// ---------------------------------------------------------------- append and byId

	@Test
	void aReportWithEveryFieldReadsBackExactlyAsAppended() {
		Report report = ReportFixture.airstrikeOnAidConvoyWithEveryField();

		List<Reports.Appended> appended = this.reports.append(List.of(keyed(report, "k-1", "digest-1")));

		assertThat(appended).containsExactly(new Reports.Appended(report, true, "digest-1"));
		assertThat(this.reports.byId(report.id())).contains(report);
	}

	@Test
	void aReportWithOnlyTheRequiredFieldsReadsBackWithItsAbsencesKept() {
		Report report = report().build();

		this.reports.append(List.of(unkeyed(report)));

		Report stored = this.reports.byId(report.id()).orElseThrow();
		assertThat(stored).isEqualTo(report);
		assertThat(stored.actor()).isNull();
		assertThat(stored.target()).isNull();
		assertThat(stored.casualties()).isEqualTo(Casualties.NONE);
		assertThat(stored.attachments()).isEmpty();
		assertThat(stored.flags()).isEmpty();
		assertThat(stored.narrative()).isNull();
	}

	@Test
	void whoActedAndTheEquipmentClassReadBackAsAppended() {
		Report dyad = report().actor("syria-government")
			.target("islamic-state")
			.whoActed(new WhoActed(WhoActed.Kind.ACTOR, List.of(), "rule is-claims: 'Islamic State claims'"))
			.flags(Set.of(DataFlag.PERPETRATOR_INFERRED))
			.build();
		Report oneOf = report().actor("russia")
			.target(ActorRef.unresolved("UN convoy"))
			.whoActed(new WhoActed(WhoActed.Kind.ONE_OF, List.of(ActorRef.resolved("the regime", "syria-government")),
					null))
			.equipment(EquipmentClass.HEAVY_WEAPONS)
			.build();
		Report either = report().actor("syria-government").target("fsa").whoActed(WhoActed.EITHER_SIDE).build();

		this.reports.append(List.of(unkeyed(dyad), unkeyed(oneOf), unkeyed(either)));

		assertThat(this.reports.byId(dyad.id())).contains(dyad);
		assertThat(this.reports.byId(oneOf.id())).contains(oneOf);
		assertThat(this.reports.byId(either.id()).orElseThrow().whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(this.reports.byId(either.id()).orElseThrow().equipment()).isNull();
	}

	@Test
	void aDatasetsRowReadsBackVerbatimInItsColumnOrderAndIsFilteredByItsColumns() {
		Map<String, String> row = new java.util.LinkedHashMap<>();
		row.put("id", "214797");
		row.put("dyad_new_id", "411");
		row.put("dyad_name", "Government of Syria - Syrian insurgents");
		row.put("source_article", "\"SOHR,2016-01-01,Bombardment \"targets\" Idlib\"\n second line ");
		row.put("adm_2", "");
		row.put("Deaths_A", "3");
		Report kept = withRow(report().source("ucdp-ged").build(), new SourceFields("ucdp", row));
		Map<String, String> other = new java.util.LinkedHashMap<>(row);
		other.put("dyad_new_id", "12");
		other.put("dyad_name", "IS - Syrian insurgents");
		Report otherDyad = withRow(report().source("ucdp-ged").build(), new SourceFields("ucdp", other));
		Report plain = report().source("ucdp-ged").build();

		this.reports.append(List.of(unkeyed(kept), unkeyed(otherDyad), unkeyed(plain)));

		Report stored = this.reports.byId(kept.id()).orElseThrow();
		assertThat(stored).isEqualTo(kept);
		assertThat(List.copyOf(stored.sourceFields().values().keySet())).containsExactlyElementsOf(row.keySet());
		assertThat(this.reports.byId(plain.id()).orElseThrow().sourceFields()).isNull();
		for (String asked : List.of("411", "Government of Syria - Syrian insurgents")) {
			ReportQuery byDyad = ReportQuery.all(100)
				.withSourceFields(new ReportQuery.SourceFieldFilter("ucdp", List
					.of(new ReportQuery.FieldMatch("dyad", List.of("dyad_new_id", "dyad_name"), Set.of(asked, "x")))));
			assertThat(this.reports.find(byDyad).reports()).as(asked).extracting(Report::id).containsExactly(kept.id());
		}
		ReportQuery anyUcdpRow = ReportQuery.all(100).withSourceFields(new ReportQuery.SourceFieldFilter("ucdp", null));
		assertThat(this.reports.find(anyUcdpRow).reports()).extracting(Report::id)
			.containsExactlyInAnyOrder(kept.id(), otherDyad.id());
		ReportQuery acledRows = ReportQuery.all(100).withSourceFields(new ReportQuery.SourceFieldFilter("acled", null));
		assertThat(this.reports.find(acledRows).reports()).isEmpty();
	}

	private static Report withRow(Report r, SourceFields fields) {
		return new Report(r.id(), r.eventType(), r.eventTypeBasis(), r.when(), r.where(), r.actor(), r.target(),
				r.casualties(), r.narrative(), r.sourceId(), r.externalId(), r.attachments(), r.flags(), r.recordedAt(),
				r.whoActed(), r.equipment(), r.submitter(), r.narrativeLanguage(), fields);
	}

	@Test
	void unresolvedAndAmbiguousNamesKeepTheWordsAsReportedAndTheCandidates() {
		Report report = report().actor(ActorRef.unresolved("unidentified gunmen"))
			.target(new ActorRef("Jaish al-Islam", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of("jaish-al-islam", "jaish-al-islam-ghouta", "jaysh-al-islam-idlib")))
			.flags(Set.of(DataFlag.ACTOR_UNRESOLVED, DataFlag.TARGET_AMBIGUOUS))
			.build();

		this.reports.append(List.of(unkeyed(report)));

		Report stored = this.reports.byId(report.id()).orElseThrow();
		assertThat(stored.actor()).isEqualTo(ActorRef.unresolved("unidentified gunmen"));
		assertThat(stored.target().candidates()).containsExactly("jaish-al-islam", "jaish-al-islam-ghouta",
				"jaysh-al-islam-idlib");
		assertThat(stored).isEqualTo(report);
	}

	@Test
	void aResolutionKeepsWhichNameItMatchedAndHow() {
		NameMatch transliterated = new NameMatch(NameMatch.How.TRANSLITERATION, "Sergei Lavrov", "Latin", "srglfrf");
		Report report = report().actor(ActorRef.resolved("Сергей Лавров", "sergei-lavrov", transliterated))
			.target(new ActorRef("تل حميس", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of("tell-hamis", "tell-humus"),
					new NameMatch(NameMatch.How.TRANSLITERATION, "تل حميس", "Arabic", "tlhms")))
			.flags(Set.of(DataFlag.TARGET_AMBIGUOUS))
			.build();

		this.reports.append(List.of(unkeyed(report)));

		Report stored = this.reports.byId(report.id()).orElseThrow();
		assertThat(stored.actor().match()).isEqualTo(transliterated);
		assertThat(stored.target().match().key()).isEqualTo("tlhms");
		assertThat(stored).isEqualTo(report);
	}

	@Test
	void instantsKeepTheirMilliseconds() {
		Instant start = Instant.parse("2016-02-27T00:00:00.001Z");
		Instant end = Instant.parse("2016-02-27T23:59:59.999Z");
		Report report = report().during(start, end, TimePrecision.DAY)
			.recordedAt(Instant.parse("2020-01-01T10:11:12.345Z"))
			.build();

		this.reports.append(List.of(unkeyed(report)));

		Report stored = this.reports.byId(report.id()).orElseThrow();
		assertThat(stored.when().start()).isEqualTo(start);
		assertThat(stored.when().end()).isEqualTo(end);
		assertThat(stored.recordedAt()).isEqualTo(Instant.parse("2020-01-01T10:11:12.345Z"));
	}

	@Test
	void instantsAreKeptToTheMillisecondBySteppingDown() {
		Report report = report()
			.during(Instant.parse("2016-09-19T12:00:00.123456789Z"), Instant.parse("2016-09-19T12:00:00.999999Z"),
					TimePrecision.EXACT)
			.recordedAt(Instant.parse("1969-12-31T23:59:59.9995Z"))
			.build();

		this.reports.append(List.of(unkeyed(report)));

		Report stored = this.reports.byId(report.id()).orElseThrow();
		assertThat(stored.when().start()).isEqualTo(Instant.parse("2016-09-19T12:00:00.123Z"));
		assertThat(stored.when().end()).isEqualTo(Instant.parse("2016-09-19T12:00:00.999Z"));
		assertThat(stored.recordedAt()).isEqualTo(Instant.parse("1969-12-31T23:59:59.999Z"));
	}

	@Test
	void anUnknownIdFindsNothing() {
		this.reports.append(List.of(unkeyed(report().build())));

		assertThat(this.reports.byId(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aBatchIsStoredWholeAndAnsweredInOrder() {
		List<Report> batch = IntStream.range(0, 50).mapToObj(i -> report().at(NOON.plusSeconds(i)).build()).toList();

		List<Reports.Appended> appended = this.reports.append(batch.stream().map(ReportFixture::unkeyed).toList());

		assertThat(appended).extracting(Reports.Appended::report).containsExactlyElementsOf(batch);
		assertThat(appended).allMatch(Reports.Appended::created);
		assertThat(this.reports.count()).isEqualTo(50);
	}

	// ---------------------------------------------------------------- idempotency

	@Test
	void theSameKeyTwiceInOneBatchStoresOneReportAndAnswersTheFirst() {
		Report first = report().narrative("first").build();
		Report second = report().narrative("second").build();

		List<Reports.Appended> appended = this.reports
			.append(List.of(keyed(first, "key-A", "digest-first"), keyed(second, "key-A", "digest-second")));

		assertThat(appended.get(0)).isEqualTo(new Reports.Appended(first, true, "digest-first"));
		assertThat(appended.get(1)).isEqualTo(new Reports.Appended(first, false, "digest-first"));
		assertThat(this.reports.count()).isEqualTo(1);
		assertThat(this.reports.byId(second.id())).isEmpty();
	}

	@Test
	void theSameKeyInALaterBatchStoresNothingAndAnswersTheFirstReportAndItsDigest() {
		Report first = report().narrative("first").build();
		this.reports.append(List.of(keyed(first, "key-B", "digest-first")));
		Report replay = report().narrative("replayed").build();
		Report other = report().narrative("other").build();

		List<Reports.Appended> appended = this.reports
			.append(List.of(keyed(other, "key-C", "digest-other"), keyed(replay, "key-B", "digest-replay")));

		assertThat(appended.get(0)).isEqualTo(new Reports.Appended(other, true, "digest-other"));
		assertThat(appended.get(1)).isEqualTo(new Reports.Appended(first, false, "digest-first"));
		assertThat(this.reports.count()).isEqualTo(2);
		assertThat(this.reports.byId(replay.id())).isEmpty();
	}

	@Test
	void reportsWithoutAKeyAreNeverTakenForReplays() {
		List<Reports.Appended> appended = this.reports
			.append(List.of(unkeyed(report().build()), unkeyed(report().build())));

		assertThat(appended).allMatch(Reports.Appended::created);
		assertThat(this.reports.count()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- bbox

	@Test
	void aBoxKeepsPointsInsideAndOnItsEdgesAndDropsPointsJustOutside() {
		// Box: 36..37 E, 35..36 N. 1e-6 degrees is about 10 cm.
		Report inside = report().at(35.5, 36.5).build();
		Report onWestEdge = report().at(35.5, 36.0).build();
		Report onNorthEastCorner = report().at(36.0, 37.0).build();
		Report justWest = report().at(35.5, 36.0 - 1e-6).build();
		Report justEast = report().at(35.5, 37.0 + 1e-6).build();
		Report justSouth = report().at(35.0 - 1e-6, 36.5).build();
		Report justNorth = report().at(36.0 + 1e-6, 36.5).build();
		Report far = report().at(-33.9, 151.2).build();
		append(inside, onWestEdge, onNorthEastCorner, justWest, justEast, justSouth, justNorth, far);

		List<UUID> found = ids(query().bbox(36.0, 35.0, 37.0, 36.0));

		assertThat(found).containsExactlyInAnyOrder(inside.id(), onWestEdge.id(), onNorthEastCorner.id());
	}

	@Test
	void aBoxTouchingTheAntimeridianKeepsPointsAtLongitude180() {
		Report east = report().at(-17.0, 180.0).build();
		Report west = report().at(-17.0, -180.0).build();
		Report fiji = report().at(-17.0, 178.5).build();
		append(east, west, fiji);

		assertThat(ids(query().bbox(179.0, -18.0, 180.0, -16.0))).containsExactly(east.id());
		assertThat(ids(query().bbox(-180.0, -18.0, -179.0, -16.0))).containsExactly(west.id());
	}

	// ---------------------------------------------------------------- radius

	@Test
	void aCircleOf5kmKeepsPointsJustInsideAndDropsPointsJustOutsideInEveryDirection() {
		assertCircleEdge(ReportFixture.ALEPPO_LAT, ReportFixture.ALEPPO_LON);
	}

	@Test
	void aCircleAcrossTheAntimeridianIsExactOnBothSides() {
		assertCircleEdge(-17.0, 179.98);
		assertCircleEdge(-17.0, -179.99);
	}

	@Test
	void aCircleAtHighLatitudeIsExactWhereTheBoxPrefilterWidens() {
		assertCircleEdge(70.0, 25.0);
		assertCircleEdge(85.0, -40.0);
		assertCircleEdge(88.99, 10.0);
		assertCircleEdge(89.97, 120.0);
	}

	@Test
	void aCircleAroundThePoleKeepsPointsOnTheFarSide() {
		Report acrossThePole = report().at(89.98, -170.0).build();
		Report southOfIt = report().at(89.9, 10.0).build();
		append(acrossThePole, southOfIt);

		// (89.98, 10) to (89.98, -170) is 0.04 degrees of arc over the pole, about 4.5
		// km.
		assertThat(ids(query().near(89.98, 10.0, 5_000))).containsExactly(acrossThePole.id());
	}

	private void assertCircleEdge(double lat, double lon) {
		this.truce.wipe();
		this.truce.bean(Sources.class).save(ReportFixture.ucdp());
		double radius = 5_000;
		List<UUID> inside = new ArrayList<>();
		List<UUID> outside = new ArrayList<>();
		List<Report> all = new ArrayList<>();
		for (int bearing = 0; bearing < 360; bearing += 30) {
			double[] in = GeodesicFixture.pointAt(lat, lon, bearing + 7, radius - 0.1);
			double[] out = GeodesicFixture.pointAt(lat, lon, bearing + 7, radius + 0.1);
			Report r1 = report().at(in[0], in[1]).build();
			Report r2 = report().at(out[0], out[1]).build();
			inside.add(r1.id());
			outside.add(r2.id());
			all.add(r1);
			all.add(r2);
		}
		Report centre = report().at(lat, lon).build();
		inside.add(centre.id());
		all.add(centre);
		append(all.toArray(Report[]::new));

		assertThat(ids(query().near(lat, lon, radius))).as("circle of 5 km around %s,%s", lat, lon)
			.containsExactlyInAnyOrderElementsOf(inside);
	}

	@Test
	void aCircleAndABoxTogetherKeepOnlyPointsInBoth() {
		double[] east = GeodesicFixture.pointAt(ReportFixture.ALEPPO_LAT, ReportFixture.ALEPPO_LON, 90, 3_000);
		double[] west = GeodesicFixture.pointAt(ReportFixture.ALEPPO_LAT, ReportFixture.ALEPPO_LON, 270, 3_000);
		Report inEast = report().at(east[0], east[1]).build();
		Report inWest = report().at(west[0], west[1]).build();
		append(inEast, inWest);

		ReportQuery q = query().near(ReportFixture.ALEPPO_LAT, ReportFixture.ALEPPO_LON, 5_000)
			.bbox(ReportFixture.ALEPPO_LON, 30, 40, 40)
			.build();

		assertThat(ids(q)).containsExactly(inEast.id());
	}

	// ---------------------------------------------------------------- time

	@Test
	void aTimeWindowKeepsEveryReportWhoseIntervalOverlapsItBoundsIncluded() {
		Instant from = Instant.parse("2016-09-12T00:00:00Z");
		Instant to = Instant.parse("2016-09-19T00:00:00Z");
		Duration ms = Duration.ofMillis(1);
		Report endsAtFrom = report().during(from.minus(Duration.ofDays(3)), from, TimePrecision.DAYS).build();
		Report endsJustBefore = report().during(from.minus(Duration.ofDays(3)), from.minus(ms), TimePrecision.DAYS)
			.build();
		Report startsAtTo = report().during(to, to.plus(Duration.ofDays(1)), TimePrecision.DAY).build();
		Report startsJustAfter = report().during(to.plus(ms), to.plus(Duration.ofDays(1)), TimePrecision.DAY).build();
		Report spansTheWindow = report()
			.during(from.minus(Duration.ofDays(30)), to.plus(Duration.ofDays(30)), TimePrecision.YEAR)
			.build();
		Report inside = report().at(from.plus(Duration.ofDays(2))).build();
		Report wellBefore = report().at(from.minus(Duration.ofDays(100))).build();
		append(endsAtFrom, endsJustBefore, startsAtTo, startsJustAfter, spansTheWindow, inside, wellBefore);

		assertThat(ids(query().from(from).to(to))).containsExactlyInAnyOrder(endsAtFrom.id(), startsAtTo.id(),
				spansTheWindow.id(), inside.id());
		assertThat(ids(query().from(from))).containsExactlyInAnyOrder(endsAtFrom.id(), startsAtTo.id(),
				startsJustAfter.id(), spansTheWindow.id(), inside.id());
		assertThat(ids(query().to(to))).containsExactlyInAnyOrder(endsAtFrom.id(), endsJustBefore.id(), startsAtTo.id(),
				spansTheWindow.id(), inside.id(), wellBefore.id());
	}

	@Test
	void aWindowOfOneInstantKeepsReportsAtThatInstantAndThoseSpanningIt() {
		Report atNoon = report().at(NOON).build();
		Report spanning = report().during(NOON.minusSeconds(60), NOON.plusSeconds(60), TimePrecision.EXACT).build();
		Report aMillisecondLater = report().at(NOON.plusMillis(1)).build();
		append(atNoon, spanning, aMillisecondLater);

		assertThat(ids(query().from(NOON).to(NOON))).containsExactlyInAnyOrder(atNoon.id(), spanning.id());
	}

	// ---------------------------------------------------------------- types, actors,
	// sources, aggregates

	@Test
	void typesKeepReportsOfAnyOfThem() {
		Report strike = report().type(EventType.AIR_DRONE_STRIKE).build();
		Report shelling = report().type(EventType.SHELLING_ARTILLERY_MISSILE_ATTACK).build();
		Report clash = report().type(EventType.ARMED_CLASH).build();
		append(strike, shelling, clash);

		assertThat(ids(query().types(EventType.AIR_DRONE_STRIKE, EventType.ARMED_CLASH)))
			.containsExactlyInAnyOrder(strike.id(), clash.id());
		assertThat(ids(query().types(EventType.AID_OBSTRUCTION))).isEmpty();
	}

	@Test
	void actorsKeepReportsInWhichTheyActedOrWereActedAgainst() {
		Report byRussia = report().actor("russia").target("jabhat-al-nusra").build();
		Report againstRussia = report().actor("isis").target("russia").build();
		Report byOthers = report().actor("syria-government").target("isis").build();
		Report ambiguous = report()
			.actor(new ActorRef("the Russians", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of("russia", "russian-air-force")))
			.build();
		Report nobody = report().build();
		append(byRussia, againstRussia, byOthers, ambiguous, nobody);

		assertThat(ids(query().actors("russia"))).containsExactlyInAnyOrder(byRussia.id(), againstRussia.id());
		assertThat(ids(query().actors("russia", "syria-government"))).containsExactlyInAnyOrder(byRussia.id(),
				againstRussia.id(), byOthers.id());
		assertThat(ids(query().actors("nobody-at-all"))).isEmpty();
	}

	@Test
	void sourcesKeepReportsFromAnyOfThem() {
		Report fromUcdp = report().source(ReportFixture.ucdp().id()).build();
		Report fromMonitor = report().source(ReportFixture.monitor().id()).build();
		append(fromUcdp, fromMonitor);

		assertThat(ids(query().sources("monitor-aleppo"))).containsExactly(fromMonitor.id());
		assertThat(ids(query().sources("monitor-aleppo", "ucdp-ged"))).containsExactlyInAnyOrder(fromUcdp.id(),
				fromMonitor.id());
	}

	@Test
	void excludingCountryAggregatesDropsOnlyCountryLevelReports() {
		Report country = report().precision(LocationPrecision.COUNTRY).build();
		Report governorate = report().precision(LocationPrecision.ADMIN1).build();
		Report international = report().precision(LocationPrecision.INTERNATIONAL).build();
		Report exact = report().precision(LocationPrecision.EXACT).build();
		append(country, governorate, international, exact);

		assertThat(ids(query().excludeCountryAggregates())).containsExactlyInAnyOrder(governorate.id(),
				international.id(), exact.id());
		assertThat(ids(query())).hasSize(4);
	}

	@Test
	void filtersCombineWithAnd() {
		Report match = report().type(EventType.ARMED_CLASH).actor("isis").at(NOON).build();
		Report wrongType = report().type(EventType.AIR_DRONE_STRIKE).actor("isis").at(NOON).build();
		Report wrongActor = report().type(EventType.ARMED_CLASH).actor("russia").at(NOON).build();
		Report wrongTime = report().type(EventType.ARMED_CLASH)
			.actor("isis")
			.at(NOON.minus(Duration.ofDays(9)))
			.build();
		append(match, wrongType, wrongActor, wrongTime);

		ReportQuery q = query().types(EventType.ARMED_CLASH)
			.actors("isis")
			.from(NOON.minus(Duration.ofDays(1)))
			.bbox(30, 30, 40, 40)
			.build();

		assertThat(ids(q)).containsExactly(match.id());
	}

	// ---------------------------------------------------------------- order and pages

	@Test
	void reportsAreListedNewestEventFirstAndInReverseOrderOfArrivalOnTies() {
		Report older = report().at(NOON).build();
		Report tieFirst = report().at(NOON.plusSeconds(60)).build();
		Report tieSecond = report().at(NOON.plusSeconds(60)).build();
		Report newest = report().at(NOON.plusSeconds(120)).build();
		append(older, tieFirst, tieSecond, newest);

		assertThat(ids(query())).containsExactly(newest.id(), tieSecond.id(), tieFirst.id(), older.id());
	}

	@Test
	void followingTheCursorVisitsEveryReportOnceInOrderEvenAcrossEqualStartTimes() {
		List<Report> appended = new ArrayList<>();
		for (int i = 0; i < 37; i++) {
			// Groups of up to five reports share a start time; page boundaries fall
			// inside them.
			appended.add(report().at(NOON.plusSeconds(60L * (i / 5))).build());
		}
		// Two batches, so that sequence numbers come from separate transactions.
		this.reports.append(appended.subList(0, 20).stream().map(ReportFixture::unkeyed).toList());
		this.reports.append(appended.subList(20, 37).stream().map(ReportFixture::unkeyed).toList());
		List<UUID> expected = IntStream.range(0, appended.size())
			.boxed()
			.sorted(Comparator.<Integer, Instant>comparing(i -> appended.get(i).when().start())
				.thenComparing(i -> i)
				.reversed())
			.map(i -> appended.get(i).id())
			.toList();

		for (int pageSize : new int[] { 1, 3, 4, 5, 36, 37, 38 }) {
			assertThat(allPages(ReportQuery.all(pageSize))).as("pages of %d", pageSize)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void theLastPageHasNoCursorEvenWhenItIsFull() {
		append(report().build(), report().build(), report().build(), report().build());

		ReportPage first = this.reports.find(ReportQuery.all(2));
		ReportPage second = this.reports.find(ReportQuery.all(2).withCursor(first.next()));

		assertThat(first.reports()).hasSize(2);
		assertThat(first.next()).isNotNull();
		assertThat(second.reports()).hasSize(2);
		assertThat(second.next()).isNull();
	}

	@Test
	void theCursorKeepsTheFiltersOfItsQuery() {
		List<Report> clashes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Report clash = report().type(EventType.ARMED_CLASH).at(NOON.plusSeconds(i % 4)).build();
			clashes.add(clash);
			append(clash, report().type(EventType.GRENADE).at(NOON.plusSeconds(i % 4)).build());
		}

		List<UUID> found = allPages(query().types(EventType.ARMED_CLASH).limit(5).build());

		assertThat(found).hasSize(12).doesNotHaveDuplicates();
		assertThat(new HashSet<>(found)).isEqualTo(new HashSet<>(clashes.stream().map(Report::id).toList()));
	}

	@Test
	void countCountsEveryStoredReport() {
		assertThat(this.reports.count()).isZero();
		append(report().build(), report().build(), report().build());
		this.reports.append(List.of(keyed(report().build(), "k", "d"), keyed(report().build(), "k", "d")));

		assertThat(this.reports.count()).isEqualTo(4);
	}

	// ---------------------------------------------------------------- the reader's scope

	@Test
	void aSideSeesOnlyTheReportsInWhichOneOfItsActorsActedOrWasActedAgainst() {
		Report byGovernment = report().actor("syria-government").target("free-syrian-army").build();
		Report againstItsAirForce = report().actor("isis").target("syrian-air-force").build();
		Report byOthers = report().actor("isis").target("free-syrian-army").build();
		Report ambiguous = report()
			.actor(new ActorRef("the air force", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of("syrian-air-force", "russian-air-force")))
			.build();
		Report nobody = report().build();
		append(byGovernment, againstItsAirForce, byOthers, ambiguous, nobody);
		ReportQuery.Scope side = new ReportQuery.Scope(Set.of("syria-government", "syrian-air-force"), false, GRID);

		assertThat(ids(query().scope(side))).containsExactlyInAnyOrder(byGovernment.id(), againstItsAirForce.id());
		assertThat(ids(query().scope(new ReportQuery.Scope(Set.of(), false, GRID)))).as("a side of no actors")
			.isEmpty();
	}

	@Test
	void theReadersSideIsAndedWithTheActorFilterItGave() {
		Report governmentAgainstIsis = report().actor("syria-government").target("isis").build();
		Report governmentAgainstRebels = report().actor("syria-government").target("free-syrian-army").build();
		Report isisAgainstRebels = report().actor("isis").target("free-syrian-army").build();
		append(governmentAgainstIsis, governmentAgainstRebels, isisAgainstRebels);
		ReportQuery.Scope side = new ReportQuery.Scope(Set.of("syria-government"), false, GRID);

		assertThat(ids(query().actors("isis").scope(side))).containsExactly(governmentAgainstIsis.id());
		assertThat(ids(query().actors("isis"))).containsExactlyInAnyOrder(governmentAgainstIsis.id(),
				isisAgainstRebels.id());
	}

	@Test
	void thePublicSeesOnlyPublishedReportsOnEveryPage() {
		List<Report> all = IntStream.range(0, 9).mapToObj(i -> report().at(NOON.plusSeconds(i)).build()).toList();
		append(all.toArray(Report[]::new));
		List<UUID> published = List.of(all.get(1).id(), all.get(4).id(), all.get(5).id(), all.get(8).id());
		this.publications.publish(published, NOON, "co-chair-1");
		ReportQuery.Scope publicScope = new ReportQuery.Scope(null, true, GRID);

		assertThat(allPages(query().scope(publicScope).limit(2).build()))
			.containsExactlyElementsOf(List.of(all.get(8).id(), all.get(5).id(), all.get(4).id(), all.get(1).id()));
		assertThat(allPages(query().limit(2).build())).hasSize(9);
	}

	@Test
	void aRadiusAroundTheExactPointOfAnAtRiskReportDoesNotFindItForAReaderWhoSeesItCoarsened() {
		// Off the 0.1-degree grid; its cell's centre, 36.25 N 37.15 E, is about 5.5 km
		// away.
		Report atRisk = report().source(AT_RISK.id()).at(36.20213, 37.13477).build();
		Report sameSpotFromUcdp = report().at(36.20213, 37.13477).build();
		append(atRisk, sameSpotFromUcdp);

		assertThat(ids(query().near(36.20213, 37.13477, 200).scope(COARSE))).containsExactly(sameSpotFromUcdp.id());
		assertThat(ids(query().near(36.25, 37.15, 100).scope(COARSE))).containsExactly(atRisk.id());
		assertThat(ids(query().near(36.20213, 37.13477, 200))).as("the whole record, placed exactly")
			.containsExactlyInAnyOrder(atRisk.id(), sameSpotFromUcdp.id());
		assertThat(ids(query().near(36.25, 37.15, 100))).isEmpty();
	}

	@Test
	void aBoxAroundTheExactPointOfAnAtRiskReportDoesNotFindItForAReaderWhoSeesItCoarsened() {
		Report atRisk = report().source(AT_RISK.id()).at(36.20213, 37.13477).build();
		Report sameSpotFromUcdp = report().at(36.20213, 37.13477).build();
		append(atRisk, sameSpotFromUcdp);

		assertThat(ids(query().bbox(37.134, 36.202, 37.135, 36.203).scope(COARSE)))
			.containsExactly(sameSpotFromUcdp.id());
		assertThat(ids(query().bbox(37.149, 36.249, 37.151, 36.251).scope(COARSE))).containsExactly(atRisk.id());
		assertThat(ids(query().bbox(37.149, 36.249, 37.151, 36.251))).isEmpty();
		assertThat(ids(query().near(36.25, 37.15, 1_000).bbox(37.149, 36.249, 37.151, 36.251).scope(COARSE)))
			.containsExactly(atRisk.id());
	}

	@Test
	void spatialFiltersMatchWhatAReaderIsShownOnRandomPointsAndQueries() {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		Map<UUID, double[]> shown = new HashMap<>();
		List<Report> all = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			double lat = 35.9 + random.nextDouble() * 0.6;
			double lon = 36.9 + random.nextDouble() * 0.6;
			boolean risky = random.nextInt(3) == 0;
			Report r = report().source(risky ? AT_RISK.id() : ReportFixture.ucdp().id()).at(lat, lon).build();
			all.add(r);
			shown.put(r.id(), risky ? new double[] { GRID.centreLatitude(lat), GRID.centreLongitude(lon) }
					: new double[] { lat, lon });
		}
		append(all.toArray(Report[]::new));

		for (int q = 0; q < 25; q++) {
			double lat = 35.9 + random.nextDouble() * 0.6;
			double lon = 36.9 + random.nextDouble() * 0.6;
			double radius = 200 + random.nextDouble() * 15_000;
			List<UUID> expected = shown.entrySet()
				.stream()
				.filter(e -> Geodesic.distanceMetres(lat, lon, e.getValue()[0], e.getValue()[1]) <= radius)
				.map(Map.Entry::getKey)
				.toList();
			assertThat(ids(query().near(lat, lon, radius).scope(COARSE)))
				.as("seed %d: circle of %.0f m around %s,%s", seed, radius, lat, lon)
				.containsExactlyInAnyOrderElementsOf(expected);
			double minLon = lon - random.nextDouble() * 0.1;
			double minLat = lat - random.nextDouble() * 0.1;
			double maxLon = lon + random.nextDouble() * 0.1;
			double maxLat = lat + random.nextDouble() * 0.1;
			List<UUID> inBox = shown.entrySet()
				.stream()
				.filter(e -> e.getValue()[0] >= minLat && e.getValue()[0] <= maxLat && e.getValue()[1] >= minLon
						&& e.getValue()[1] <= maxLon)
				.map(Map.Entry::getKey)
				.toList();
			assertThat(ids(query().bbox(minLon, minLat, maxLon, maxLat).scope(COARSE)))
				.as("seed %d: box %s,%s,%s,%s", seed, minLon, minLat, maxLon, maxLat)
				.containsExactlyInAnyOrderElementsOf(inBox);
		}
	}

	// ---------------------------------------------------------------- publications

	@Test
	void publishingAReportTwicePublishesItOnce() {
		Report first = report().build();
		Report second = report().build();
		append(first, second);
		Instant at = Instant.parse("2016-10-01T08:00:00.123Z");

		List<Publications.Publication> made = this.publications.publish(List.of(second.id(), first.id()), at, "u-1");
		List<Publications.Publication> again = this.publications.publish(List.of(first.id()), at.plusSeconds(60),
				"u-2");

		assertThat(made).containsExactly(new Publications.Publication(second.id(), at, "u-1"),
				new Publications.Publication(first.id(), at, "u-1"));
		assertThat(again).isEmpty();
		assertThat(this.publications.of(first.id())).contains(new Publications.Publication(first.id(), at, "u-1"));
		assertThat(this.publications.count()).isEqualTo(2);
	}

	@Test
	void publishingAnIdThatIsNoStoredReportPublishesNothing() {
		Report stored = report().build();
		append(stored);
		UUID unknown = UUID.randomUUID();

		List<Publications.Publication> made = this.publications.publish(List.of(unknown, stored.id()), NOON, "u-1");

		assertThat(made).extracting(Publications.Publication::reportId).containsExactly(stored.id());
		assertThat(this.publications.of(unknown)).isEmpty();
	}

	@Test
	void publishingASourcePublishesItsReportsNotYetPublishedAndNoOthers() {
		Report fromUcdp = report().build();
		Report fromUcdpAlreadyPublished = report().build();
		Report fromMonitor = report().source(ReportFixture.monitor().id()).build();
		append(fromUcdp, fromUcdpAlreadyPublished, fromMonitor);
		this.publications.publish(List.of(fromUcdpAlreadyPublished.id()), NOON, "u-1");

		List<Publications.Publication> made = this.publications.publishFrom(ReportFixture.ucdp().id(), NOON, "u-2");

		assertThat(made).extracting(Publications.Publication::reportId).containsExactly(fromUcdp.id());
		assertThat(this.publications.of(fromMonitor.id())).isEmpty();
		assertThat(this.publications.publishFrom(null, NOON, "u-3")).extracting(Publications.Publication::reportId)
			.containsExactly(fromMonitor.id());
		assertThat(this.publications.count()).isEqualTo(3);
	}

	@Test
	void theSourcesOfStoredReportsAreLookedUpTogether() {
		Report fromUcdp = report().build();
		Report fromMonitor = report().source(ReportFixture.monitor().id()).build();
		append(fromUcdp, fromMonitor);

		assertThat(this.reports.sourceIds(List.of(fromUcdp.id(), fromMonitor.id(), UUID.randomUUID())))
			.isEqualTo(Map.of(fromUcdp.id(), "ucdp-ged", fromMonitor.id(), "monitor-aleppo"));
	}

	// ---------------------------------------------------------------- helpers

	private void append(Report... reports) {
		this.reports.append(List.of(reports).stream().map(ReportFixture::unkeyed).toList());
	}

	private List<UUID> ids(QueryBuilder query) {
		return ids(query.build());
	}

	private List<UUID> ids(ReportQuery query) {
		ReportPage page = this.reports.find(query);
		assertThat(page.next()).as("everything fits on one page").isNull();
		return page.reports().stream().map(Report::id).toList();
	}

	private List<UUID> allPages(ReportQuery query) {
		List<UUID> out = new ArrayList<>();
		ReportQuery q = query;
		for (int i = 0; i < 1_000; i++) {
			ReportPage page = this.reports.find(q);
			assertThat(page.reports().size()).isLessThanOrEqualTo(query.limit());
			page.reports().forEach(r -> out.add(r.id()));
			if (page.next() == null) {
				return out;
			}
			assertThat(page.reports()).hasSize(query.limit());
			q = query.withCursor(page.next());
		}
		throw new AssertionError("more than 1000 pages");
	}

	static QueryBuilder query() {
		return new QueryBuilder();
	}

	/** A {@link ReportQuery} built part by part; one page of up to 1,000 by default. */
	static final class QueryBuilder {

		private ReportQuery.BoundingBox bbox;

		private ReportQuery.Circle near;

		private Instant from;

		private Instant to;

		private Set<EventType> types = Set.of();

		private Set<String> actorIds = Set.of();

		private Set<String> sourceIds = Set.of();

		private boolean excludeCountryAggregates;

		private int limit = 1_000;

		private ReportQuery.Scope scope = ReportQuery.Scope.WHOLE_RECORD;

		QueryBuilder scope(ReportQuery.Scope scope) {
			this.scope = scope;
			return this;
		}

		QueryBuilder bbox(double minLon, double minLat, double maxLon, double maxLat) {
			this.bbox = new ReportQuery.BoundingBox(minLon, minLat, maxLon, maxLat);
			return this;
		}

		QueryBuilder near(double lat, double lon, double metres) {
			this.near = new ReportQuery.Circle(lat, lon, metres);
			return this;
		}

		QueryBuilder from(Instant from) {
			this.from = from;
			return this;
		}

		QueryBuilder to(Instant to) {
			this.to = to;
			return this;
		}

		QueryBuilder types(EventType... types) {
			this.types = Set.of(types);
			return this;
		}

		QueryBuilder actors(String... ids) {
			this.actorIds = Set.of(ids);
			return this;
		}

		QueryBuilder sources(String... ids) {
			this.sourceIds = Set.of(ids);
			return this;
		}

		QueryBuilder excludeCountryAggregates() {
			this.excludeCountryAggregates = true;
			return this;
		}

		QueryBuilder limit(int limit) {
			this.limit = limit;
			return this;
		}

		ReportQuery build() {
			return new ReportQuery(this.bbox, this.near, this.from, this.to, this.types, this.actorIds, this.sourceIds,
					this.excludeCountryAggregates, null, this.limit, this.scope);
		}

	}

}
