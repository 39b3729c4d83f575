package org.truce.report.application;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.truce.report.model.DataFlag;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Syria 2016 scenario's 43 Wikipedia current-events items, imported as open-source
 * reports: typed and placed only where a stated rule says so, never given an actor.
 */
class ImportingWikipediaCurrentEventsTest {

	static final String FILE = "scenarios/syria-2016/news/wikipedia_current_events_syria_2016.csv";

	static final Source WIKIPEDIA = new Source("wikipedia-current-events", "Wikipedia, Portal:Current events",
			SourceKind.OPEN_SOURCE, Reliability.C);

	/** A gazetteer that knows one town; the country point is Syria's, roughly. */
	static final NewsPlaces PLACES = new NewsPlaces() {

		@Override
		public Optional<Known> town(String name) {
			return name.equals("Urum al-Kubra")
					? Optional.of(new Known("Urum al Kubra town", 36.1481, 36.94775, "SY02", null)) : Optional.empty();
		}

		@Override
		public Known country() {
			return new Known("Syrian Arab Republic", 35.0, 38.5, null, 600_000.0);
		}

	};

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static ImportOutcome first;

	static Map<String, Report> byId;

	@BeforeAll
	static void importTheItems() {
		context = TestStores.sqlite(data);
		first = context.getBean(ImportingNews.class).importOnce(file(), WIKIPEDIA, PLACES, ImportProgress.NONE);
		byId = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.collect(Collectors.toMap(Report::externalId, Function.identity()));
	}

	static ImportFile file() {
		return ImportFile.of("classpath:" + FILE, new ClassPathResource(FILE));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void everyItemIsAnOpenSourceReportWithItsWordsAsTheNarrativeAndNoActor() {
		assertThat(first).isInstanceOf(ImportOutcome.Completed.class);
		assertThat(((ImportOutcome.Completed) first).counts()).isEqualTo(new Imports.Counts(43, 43, 0, 0));
		assertThat(byId).hasSize(43);
		assertThat(byId.values()).allSatisfy(r -> {
			assertThat(r.sourceId()).isEqualTo("wikipedia-current-events");
			assertThat(r.actor()).as(r.externalId()).isNull();
			assertThat(r.target()).as(r.externalId()).isNull();
			assertThat(r.eventTypeBasis()).as(r.externalId()).isNotBlank();
		});
		assertThat(byId.get("wce-031").narrative()).startsWith("Hours after the Syrian military declares the end")
			.contains("near the town of Urum al-Kubra");
	}

	@Test
	void theConvoyStrikeIsAnAirStrikePlacedAtTheTownItsWordsNameWithTheRuleAsItsBasis() {
		Report convoy = byId.get("wce-031");
		assertThat(convoy.eventType()).isEqualTo(EventType.AIR_DRONE_STRIKE);
		assertThat(convoy.eventTypeBasis()).contains("'air-strike'", "\"airstrike\"", "\"killed\"")
			.contains("'named-town'", "\"the town of Urum al-Kubra\"");
		assertThat(convoy.flags()).contains(DataFlag.EVENT_TYPE_INFERRED, DataFlag.LOCATION_FROM_TEXT)
			.doesNotContain(DataFlag.LOCATION_COUNTRY_ONLY);
		assertThat(convoy.where().precision()).isEqualTo(LocationPrecision.NEAR);
		assertThat(convoy.where().latitude()).isEqualTo(36.1481);
		assertThat(convoy.where().placeName()).isEqualTo("Urum al Kubra town");
	}

	@Test
	void anItemFiledOnADaySpansThatDayAndTheDayBefore() {
		Report convoy = byId.get("wce-031");
		assertThat(convoy.when().precision()).isEqualTo(TimePrecision.DAYS);
		assertThat(convoy.when().start()).isBefore(Instant.parse("2016-09-18T12:00:00Z"));
		assertThat(convoy.when().end()).isAfter(Instant.parse("2016-09-19T12:00:00Z"));
	}

	@Test
	void anItemWithoutAWeaponAndCasualtiesIsOtherAndOneWithoutAKnownTownIsCountryLevel() {
		Report deal = byId.get("wce-028");
		assertThat(deal.eventType()).isEqualTo(EventType.OTHER);
		assertThat(deal.eventTypeBasis()).contains("No news rule");
		assertThat(deal.flags()).contains(DataFlag.LOCATION_COUNTRY_ONLY)
			.doesNotContain(DataFlag.EVENT_TYPE_INFERRED, DataFlag.LOCATION_FROM_TEXT);
		assertThat(deal.where().precision()).isEqualTo(LocationPrecision.COUNTRY);
		assertThat(deal.where().uncertaintyMetres()).isEqualTo(600_000.0);
		// A statement about a bombing campaign and calls to halt air strikes is no
		// strike.
		assertThat(byId.get("wce-002").eventType()).isEqualTo(EventType.OTHER);
	}

	@Test
	void aTownInAnotherCountryIsNotLookedUpInThisOne() {
		Report kilis = byId.get("wce-014");
		assertThat(kilis.eventType()).isEqualTo(EventType.SHELLING_ARTILLERY_MISSILE_ATTACK);
		assertThat(kilis.flags()).contains(DataFlag.LOCATION_COUNTRY_ONLY);
		assertThat(NewsRows.PLACE.matcher(kilis.narrative()).find()).isFalse();
	}

	@Test
	void theSameFileIsNotImportedTwice() {
		ImportOutcome again = context.getBean(ImportingNews.class)
			.importOnce(file(), WIKIPEDIA, PLACES, ImportProgress.NONE);
		assertThat(again).isInstanceOf(ImportOutcome.AlreadyImported.class);
		assertThat(context.getBean(Reports.class).count()).isEqualTo(43);
	}

}
