package org.truce.report.application;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.truce.report.model.DataFlag;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.WhoActed;
import org.truce.shared.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The hand-written ACLED-format fixture {@code acled/acled_syria_2016_sample.csv} (see
 * its README): nine readable events, one weekly-update repeat and nine broken rows.
 */
class ImportingAcledExportTest {

	static final String FIXTURE = "acled/acled_syria_2016_sample.csv";

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static ImportOutcome.Completed done;

	static Map<String, Report> byExternalId;

	@BeforeAll
	static void importTheFixture() {
		context = TestStores.sqlite(data);
		done = (ImportOutcome.Completed) context.getBean(ImportingAcled.class)
			.importFile(fixture(), ImportProgress.NONE);
		byExternalId = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.collect(Collectors.toMap(Report::externalId, Function.identity()));
	}

	static ImportFile fixture() {
		return ImportFile.of("classpath:" + FIXTURE, new ClassPathResource(FIXTURE));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void theReadableRowsAreImportedAndTheRepeatIsAlreadyPresent() {
		assertThat(done.counts()).isEqualTo(new Imports.Counts(19, 9, 1, 9));
		assertThat(done.changedDuplicates()).isEqualTo(1);
		assertThat(done.failed()).isFalse();
		assertThat(byExternalId).containsOnlyKeys("SYRX0001", "SYRX0002", "SYRX0003", "SYRX0004", "SYRX0005",
				"SYRX0006", "SYRX0007", "SYRX0008", "SYRX0009");
		assertThat(byExternalId.get("SYRX0001").narrative()).doesNotContain("later version");
	}

	@Test
	void everyBrokenRowIsRejectedWithItsRowNumberAndReason() {
		List<Imports.RowRejection> stored = context.getBean(Imports.class).rejections(done.run().id());
		assertThat(stored)
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code, Imports.RowRejection::field)
			.containsExactly(tuple(3L, ErrorCode.INVALID_VALUE, "latitude"),
					tuple(5L, ErrorCode.FIELD_REQUIRED, "event_date"),
					tuple(7L, ErrorCode.UNKNOWN_EVENT_TYPE, "sub_event_type"),
					tuple(9L, ErrorCode.UNKNOWN_PRECISION, "time_precision"),
					tuple(11L, ErrorCode.INVALID_VALUE, "event_date"),
					tuple(13L, ErrorCode.LATITUDE_OUT_OF_RANGE, "latitude"),
					tuple(15L, ErrorCode.NEGATIVE_COUNT, "fatalities"),
					tuple(17L, ErrorCode.FIELD_REQUIRED, "event_id_cnty"), tuple(20L, ErrorCode.UNREADABLE_ROW, null));
		assertThat(stored.get(0).detail()).contains("SYRX0101").contains("'36.2O12'");
		assertThat(stored.get(4).detail()).contains("'31 September 2016'");
		assertThat(stored.get(8).detail()).contains("has 5 fields where the header has 31");
	}

	@Test
	void anAirStrikeKeepsItsTypePlaceActorsAndDeaths() {
		Report r = byExternalId.get("SYRX0001");
		assertThat(r.sourceId()).isEqualTo("acled");
		assertThat(r.eventType()).isEqualTo(EventType.AIR_DRONE_STRIKE);
		assertThat(r.eventTypeBasis()).isNull();
		assertThat(r.flags()).doesNotContain(DataFlag.EVENT_TYPE_INFERRED);
		// A day in the scenario's zone, Asia/Damascus (UTC+3 in September 2016).
		assertThat(r.when().start()).isEqualTo(Instant.parse("2016-09-18T21:00:00Z"));
		assertThat(r.when().end()).isEqualTo(Instant.parse("2016-09-19T20:59:59.999Z"));
		assertThat(r.when().precision()).isEqualTo(TimePrecision.DAY);
		assertThat(r.where().latitude()).isEqualTo(36.1481);
		assertThat(r.where().longitude()).isEqualTo(36.94775);
		assertThat(r.where().precision()).isEqualTo(LocationPrecision.EXACT);
		assertThat(r.where().placeName()).isEqualTo("Urum al Kubra");
		assertThat(r.where().admin1()).isEqualTo("Aleppo");
		assertThat(r.where().admin2()).isEqualTo("Atareb");
		assertThat(r.actor().asReported()).isEqualTo("Unidentified Military Forces");
		assertThat(r.target().asReported()).isEqualTo("Civilians (Syria)");
		assertThat(r.casualties().total().best()).isEqualTo(20);
		assertThat(r.casualties().actorSide()).isNull();
		assertThat(r.narrative()).startsWith("In the evening, hours after the army said")
			.endsWith("\nACLED source: SOHR; Reuters");
	}

	@Test
	void whoActedFollowsTheCodebookBattlesAreEitherSideAndCiviliansAreNeverTheActor() {
		assertThat(byExternalId.get("SYRX0004").whoActed()).as("a battle").isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(byExternalId.get("SYRX0001").whoActed()).as("an air strike on civilians (inter2 7)")
			.isEqualTo(WhoActed.ACTOR);
		assertThat(byExternalId.get("SYRX0009").whoActed()).as("an IED against civilians").isEqualTo(WhoActed.ACTOR);
		assertThat(byExternalId.get("SYRX0008").whoActed()).as("a transfer of territory between two actors")
			.isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(byExternalId.get("SYRX0002").whoActed()).as("one actor named").isEqualTo(WhoActed.ACTOR);
		assertThat(byExternalId.get("SYRX0004").flags()).doesNotContain(DataFlag.PERPETRATOR_INFERRED);
	}

	@Test
	void bothDateFormatsAreRead() {
		assertThat(byExternalId.get("SYRX0002").when().start()).isEqualTo(Instant.parse("2016-02-26T22:00:00Z"));
		assertThat(byExternalId.get("SYRX0002").eventType()).isEqualTo(EventType.AGREEMENT);
		assertThat(byExternalId.get("SYRX0005").when().start()).isEqualTo(Instant.parse("2016-05-22T21:00:00Z"));
	}

	@Test
	void aWeekOrAMonthWidensTheInterval() {
		Report week = byExternalId.get("SYRX0007");
		assertThat(week.when().precision()).isEqualTo(TimePrecision.WEEK);
		assertThat(week.when().start()).isEqualTo(Instant.parse("2016-02-29T22:00:00Z"));
		assertThat(week.when().end()).isEqualTo(Instant.parse("2016-03-07T21:59:59.999Z"));
		Report month = byExternalId.get("SYRX0009");
		assertThat(month.when().precision()).isEqualTo(TimePrecision.MONTH);
		assertThat(month.when().start()).isEqualTo(Instant.parse("2015-12-31T22:00:00Z"));
		assertThat(month.when().end()).isEqualTo(Instant.parse("2016-01-31T21:59:59.999Z"));
		assertThat(month.where().precision()).isEqualTo(LocationPrecision.NEAR);
		assertThat(month.casualties().total()).isNull();
	}

	@Test
	void notesWithALineBreakAreKeptAndFlagged() {
		Report r = byExternalId.get("SYRX0003");
		assertThat(r.narrative()).contains("Aleppo.\nOne of the last").contains("\"at least 50\"");
		assertThat(r.flags()).contains(DataFlag.MULTILINE_FIELD);
	}

	@Test
	void columnsAreFoundByNameInAnyOrderAndCaseAfterAByteOrderMark(@TempDir Path dir) throws IOException {
		Path shuffled = dir.resolve("shuffled.csv");
		try (Reader in = Files.newBufferedReader(Path.of(new ClassPathResource(FIXTURE).getURI()));
				CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
				Writer out = Files.newBufferedWriter(shuffled, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			List<String> header = new ArrayList<>(parser.getHeaderNames());
			Collections.reverse(header);
			// A required column first, right after the byte order mark.
			header.remove("event_id_cnty");
			header.add(0, "event_id_cnty");
			out.write('\uFEFF');
			csv.printRecord(header.stream().map(String::toUpperCase).toList());
			for (CSVRecord record : parser) {
				if (record.isConsistent() && "SYRX0006".equals(record.get("event_id_cnty"))) {
					csv.printRecord(header.stream()
						.map(h -> "SYRX0006".equals(record.get(h)) ? "SYRX9006" : record.get(h))
						.toList());
				}
			}
		}

		ImportOutcome.Completed reordered = (ImportOutcome.Completed) context.getBean(ImportingAcled.class)
			.importFile(UcdpFixture.file(shuffled), ImportProgress.NONE);

		assertThat(reordered.counts()).isEqualTo(new Imports.Counts(1, 1, 0, 0));
		Report copy = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> "SYRX9006".equals(r.externalId()))
			.findFirst()
			.orElseThrow();
		Report original = byExternalId.get("SYRX0006");
		assertThat(copy.eventType()).isEqualTo(original.eventType());
		assertThat(copy.when()).isEqualTo(original.when());
		assertThat(copy.where()).isEqualTo(original.where());
		assertThat(copy.actor()).isEqualTo(original.actor());
		assertThat(copy.casualties()).isEqualTo(original.casualties());
		assertThat(copy.narrative()).isEqualTo(original.narrative());
	}

}
