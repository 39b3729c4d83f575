package org.truce.report.application;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.TimePrecision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UCDP dates events to the local calendar day. Imported with the scenario's zone
 * (Asia/Damascus, UTC+3 in summer 2016 and UTC+2 in winter), a day runs from local
 * midnight to local midnight; imported with {@code --zone UTC}, it stays a UTC day. Each
 * run records the zone it used.
 */
class ImportingUcdpDaysInTheScenariosZoneTest {

	@TempDir
	static Path data;

	@TempDir
	Path files;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = TestStores.sqlite(data);
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void aRowDatedTheNineteenthOfSeptemberIsThatDayInDamascus() {
		ImportOutcome.Completed done = (ImportOutcome.Completed) context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.file(oneRow("local-0919", "2016-09-19", "2016-09-19")), ImportProgress.NONE);

		Report report = stored("local-0919");
		assertThat(report.when().start()).isEqualTo(Instant.parse("2016-09-18T21:00:00Z"));
		assertThat(report.when().end()).isEqualTo(Instant.parse("2016-09-19T20:59:59.999Z"));
		assertThat(report.when().precision()).isEqualTo(TimePrecision.DAY);
		assertThat(done.run().timeZone()).isEqualTo("Asia/Damascus");
		assertThat(context.getBean(Imports.class).byId(done.run().id()).orElseThrow().timeZone())
			.isEqualTo("Asia/Damascus");
	}

	@Test
	void aWinterDayIsTwoHoursAheadOfUtcAndTheDayTheClocksWentForwardHasTwentyThreeHours() {
		context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.file(oneRow("local-0227", "2016-02-27", "2016-02-27")), ImportProgress.NONE);
		context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.file(oneRow("local-0325", "2016-03-25", "2016-03-25")), ImportProgress.NONE);

		assertThat(stored("local-0227").when().start()).isEqualTo(Instant.parse("2016-02-26T22:00:00Z"));
		assertThat(stored("local-0227").when().end()).isEqualTo(Instant.parse("2016-02-27T21:59:59.999Z"));
		// Damascus moved to UTC+3 at midnight on 25 March 2016: the day began at 01:00.
		assertThat(stored("local-0325").when().start()).isEqualTo(Instant.parse("2016-03-24T22:00:00Z"));
		assertThat(stored("local-0325").when().end()).isEqualTo(Instant.parse("2016-03-25T20:59:59.999Z"));
	}

	@Test
	void importedInUtcTheSameDateStaysAUtcDay() {
		ImportOutcome.Completed done = (ImportOutcome.Completed) context.getBean(ImportingUcdp.class)
			.importFile(UcdpFixture.file(oneRow("utc-0919", "2016-09-19", "2016-09-19")), ZoneId.of("UTC"),
					ImportProgress.NONE);

		Report report = stored("utc-0919");
		assertThat(report.when().start()).isEqualTo(Instant.parse("2016-09-19T00:00:00Z"));
		assertThat(report.when().end()).isEqualTo(Instant.parse("2016-09-19T23:59:59.999Z"));
		assertThat(done.run().timeZone()).isEqualTo("UTC");
	}

	@Test
	void importingOnceReadsTheFileAgainWhenTheZoneDiffers() {
		ImportFile file = UcdpFixture.file(oneRow("once-0919", "2016-09-19", "2016-09-20"));
		ImportingUcdp importing = context.getBean(ImportingUcdp.class);

		ImportOutcome first = importing.importOnce(file, ZoneId.of("Asia/Damascus"), ImportProgress.NONE);
		ImportOutcome sameZone = importing.importOnce(file, ZoneId.of("Asia/Damascus"), ImportProgress.NONE);
		ImportOutcome otherZone = importing.importOnce(file, ZoneId.of("UTC"), ImportProgress.NONE);

		assertThat(first).isInstanceOf(ImportOutcome.Completed.class);
		assertThat(sameZone).isInstanceOf(ImportOutcome.AlreadyImported.class);
		assertThat(((ImportOutcome.AlreadyImported) sameZone).previous().timeZone()).isEqualTo("Asia/Damascus");
		assertThat(otherZone).isInstanceOf(ImportOutcome.Completed.class);
		// The report stored first is kept: a re-import never rewrites one.
		assertThat(((ImportOutcome.Completed) otherZone).counts().duplicates()).isEqualTo(1);
		assertThat(stored("once-0919").when().end()).isEqualTo(Instant.parse("2016-09-20T20:59:59.999Z"));
	}

	private Path oneRow(String id, String start, String end) {
		Map<String, String> row = UcdpFixture.realRows(1).get(0);
		row.put("id", id);
		row.put("date_start", start);
		row.put("date_end", end);
		row.put("date_prec", "1");
		return UcdpFixture.write(this.files.resolve(id + ".csv"), List.of(row));
	}

	private static Report stored(String externalId) {
		return context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> externalId.equals(r.externalId()))
			.findFirst()
			.orElseThrow();
	}

}
