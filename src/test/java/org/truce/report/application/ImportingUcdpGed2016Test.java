package org.truce.report.application;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.DataFlag;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.TimePrecision;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real UCDP GED file of 2016 imported into an empty SQLite store, with no actors
 * registered. The expected counts were taken from the file with Python's csv module (see
 * the report of the import work); they are UCDP's 2016 figures, not the 2016-2019 ones in
 * SOURCES.md.
 */
@SlowTest
class ImportingUcdpGed2016Test {

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static ImportOutcome.Completed first;

	static Map<String, Report> byExternalId;

	@BeforeAll
	static void importTheFileOnce() {
		context = TestStores.sqlite(data);
		first = (ImportOutcome.Completed) context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.ged2016(), ImportProgress.NONE);
		System.out.println("UCDP GED 2016 import: " + first.counts() + " in " + first.elapsed().toMillis() + " ms");
		List<Report> all = context.getBean(Reports.class).find(ReportQuery.all(ReportQuery.MAX_LIMIT)).reports();
		byExternalId = all.stream().collect(Collectors.toMap(Report::externalId, Function.identity()));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void everyOneOfThe6170RowsBecomesAReport() {
		assertThat(first.counts()).isEqualTo(new Imports.Counts(6170, 6170, 0, 0));
		assertThat(first.readToEnd()).isTrue();
		assertThat(first.failed()).isFalse();
		assertThat(byExternalId).hasSize(6170);
		assertThat(context.getBean(Reports.class).count()).isEqualTo(6170);
	}

	@Test
	void uCDPsQuirksAreKeptAndFlagged() {
		Map<DataFlag, Long> flags = new EnumMap<>(DataFlag.class);
		byExternalId.values().forEach(r -> r.flags().forEach(f -> flags.merge(f, 1L, Long::sum)));
		assertThat(flags).containsEntry(DataFlag.BEST_ZERO, 204L)
			.containsEntry(DataFlag.ESTIMATE_ORDER_BROKEN, 15L)
			.containsEntry(DataFlag.COUNTRY_AGGREGATE, 102L)
			.containsEntry(DataFlag.SOURCE_AGGREGATE, 169L)
			.containsEntry(DataFlag.MULTILINE_FIELD, 4L)
			.containsEntry(DataFlag.EVENT_TYPE_INFERRED, 6170L)
			.containsEntry(DataFlag.ACTOR_UNRESOLVED, 6170L)
			.containsEntry(DataFlag.TARGET_UNRESOLVED, 6170L)
			.hasSize(8);
		assertThat(byExternalId.values()
			.stream()
			.filter(r -> r.flags().contains(DataFlag.MULTILINE_FIELD))
			.map(Report::externalId)).containsExactlyInAnyOrder("217846", "223719", "234499", "233232");
	}

	@Test
	void eventTypesAreInferredByTheRulesInOrder() {
		Map<EventType, Long> types = byExternalId.values()
			.stream()
			.collect(Collectors.groupingBy(Report::eventType, () -> new EnumMap<>(EventType.class),
					Collectors.counting()));
		assertThat(types).containsEntry(EventType.ATTACK, 185L)
			.containsEntry(EventType.AIR_DRONE_STRIKE, 1274L)
			.containsEntry(EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, 1361L)
			.containsEntry(EventType.SUICIDE_BOMB, 36L)
			.containsEntry(EventType.REMOTE_EXPLOSIVE_LANDMINE_IED, 26L)
			.containsEntry(EventType.ARMED_CLASH, 3288L)
			.hasSize(6);
		assertThat(byExternalId.values()).allSatisfy(r -> assertThat(r.eventTypeBasis()).startsWith("ucdp: "));
	}

	@Test
	void aDayEventKeepsItsPlaceSidesDeathsAndWords() {
		Report r = byExternalId.get("214797");
		assertThat(r.sourceId()).isEqualTo("ucdp-ged");
		// UCDP's days are local days: 1 January 2016 in Damascus (UTC+2 in winter).
		assertThat(r.when().start()).isEqualTo(Instant.parse("2015-12-31T22:00:00Z"));
		assertThat(r.when().end()).isEqualTo(Instant.parse("2016-01-01T21:59:59.999Z"));
		assertThat(r.when().precision()).isEqualTo(TimePrecision.DAY);
		assertThat(r.where().latitude()).isEqualTo(34.802462);
		assertThat(r.where().longitude()).isEqualTo(36.707602);
		assertThat(r.where().precision()).isEqualTo(LocationPrecision.EXACT);
		assertThat(r.where().uncertaintyMetres()).isEqualTo(LocationPrecision.EXACT.radiusMetres());
		assertThat(r.where().placeName()).isEqualTo("Teir Maaleh village");
		assertThat(r.where().admin1()).isEqualTo("Homs Governorate");
		assertThat(r.where().admin2()).isEqualTo("Ar Rastan district");
		assertThat(r.actor()).isEqualTo(ActorRef.unresolved("Government of Syria"));
		assertThat(r.target()).isEqualTo(ActorRef.unresolved("Syrian insurgents"));
		assertThat(r.casualties().total().low()).isEqualTo(4);
		assertThat(r.casualties().total().best()).isEqualTo(4);
		assertThat(r.casualties().total().high()).isEqualTo(4);
		assertThat(r.casualties().actorSide().best()).isEqualTo(2);
		assertThat(r.casualties().targetSide().best()).isEqualTo(2);
		assertThat(r.casualties().civilians().best()).isZero();
		assertThat(r.casualties().unknown().best()).isZero();
		assertThat(r.eventType()).isEqualTo(EventType.SHELLING_ARTILLERY_MISSILE_ATTACK);
		assertThat(r.eventTypeBasis()).contains("rule shelling").contains("source_headline");
		assertThat(r.narrative())
			.isEqualTo("Headline: 14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la\n"
					+ "Source article: \"SOHR,2015-01-01,14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la\"");
	}

	@Test
	void theLargestCountryTotalSpansTheYearAndIsFlagged() {
		Report r = byExternalId.get("233200");
		assertThat(r.casualties().total().best()).isEqualTo(8179);
		assertThat(r.when().start()).isEqualTo(Instant.parse("2015-12-31T22:00:00Z"));
		assertThat(r.when().end()).isEqualTo(Instant.parse("2016-12-31T21:59:59.999Z"));
		assertThat(r.when().precision()).isEqualTo(TimePrecision.YEAR);
		assertThat(r.where().precision()).isEqualTo(LocationPrecision.COUNTRY);
		assertThat(r.where().placeName()).isEqualTo("Syria");
		assertThat(r.where().admin1()).isNull();
		assertThat(r.flags()).contains(DataFlag.COUNTRY_AGGREGATE, DataFlag.EVENT_TYPE_INFERRED);
	}

	@Test
	void oneSidedViolenceIsAnAttackOnCivilians() {
		assertThat(byExternalId.values()
			.stream()
			.filter(r -> r.eventType() == EventType.ATTACK)
			.allMatch(r -> r.eventTypeBasis().contains("type_of_violence 3"))).isTrue();
	}

	@Test
	void importingTheSameFileAgainStoresNothingNew() {
		ImportOutcome.Completed again = (ImportOutcome.Completed) context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.ged2016(), ImportProgress.NONE);
		assertThat(again.counts()).isEqualTo(new Imports.Counts(6170, 0, 6170, 0));
		assertThat(again.changedDuplicates()).isZero();
		assertThat(context.getBean(Reports.class).count()).isEqualTo(6170);
		Imports imports = context.getBean(Imports.class);
		assertThat(imports.byId(again.run().id()).orElseThrow().counts()).isEqualTo(again.counts());
		assertThat(imports.lastFinished("ucdp", first.run().sha256(), first.run().timeZone())).isPresent();
		assertThat(first.run().sha256()).isEqualTo("0d93fc062a8a4e2cd273fd56b64a5fc86f5bfe427cc8f272a6c12930d22681ef");
	}

	@Test
	void importingOnceSkipsAFileAlreadyImported() {
		ImportOutcome outcome = context.getBean(ImportingUcdp.class)
			.importOnce(UcdpFixture.ged2016(), ZoneId.of(first.run().timeZone()), ImportProgress.NONE);
		assertThat(outcome).isInstanceOf(ImportOutcome.AlreadyImported.class);
		assertThat(context.getBean(Reports.class).count()).isEqualTo(6170);
	}

}
