package org.truce.report.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * UCDP files with rows that cannot be read: each such row is rejected with its row number
 * (the header is row 1) and the rows around it are imported.
 */
class ImportingUcdpFileWithBrokenRowsTest {

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

	private ImportOutcome importFile(Path file) {
		return context.getBean(ImportingUcdp.class).importFile(UcdpFixture.file(file), ImportProgress.NONE);
	}

	private List<String> storedIds(List<String> ids) {
		return context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.map(Report::externalId)
			.filter(ids::contains)
			.toList();
	}

	@Test
	void theRowsAroundABrokenRowAreImportedAndTheRejectionKeepsItsRowNumber() {
		ImportOutcome.Completed done = (ImportOutcome.Completed) importFile(
				UcdpFixture.fiveRowsWithTwoBrokenOnes(this.files));

		assertThat(done.counts()).isEqualTo(new Imports.Counts(5, 3, 0, 2));
		assertThat(done.failed()).isFalse();
		assertThat(storedIds(List.of("214797", "214804", "214808", "214811", "214814")))
			.containsExactlyInAnyOrder("214797", "214808", "214814");
		List<Imports.RowRejection> stored = context.getBean(Imports.class).rejections(done.run().id());
		// Row 2 spans two lines of the file; the broken rows are still rows 3 and 5.
		assertThat(stored)
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code, Imports.RowRejection::field)
			.containsExactly(tuple(3L, ErrorCode.INVALID_VALUE, "latitude"),
					tuple(5L, ErrorCode.INTERVAL_END_BEFORE_START, "date_end"));
		assertThat(stored.get(0).detail())
			.isEqualTo("Row 3 (id '214804'): Column latitude holds 'north', which is not a number.");
		assertThat(done.firstRejections()).isEqualTo(stored);
		Report multiline = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> "214797".equals(r.externalId()))
			.findFirst()
			.orElseThrow();
		assertThat(multiline.flags()).contains(DataFlag.MULTILINE_FIELD);
		assertThat(multiline.narrative()).contains("\nsecond line, with a comma\nSource article: ");
	}

	@Test
	void unknownPrecisionsAndNonNumbersAreEachNamed() {
		List<Map<String, String>> rows = UcdpFixture.realRows(3);
		rows.get(0).put("id", "900001");
		rows.get(0).put("where_prec", "9");
		rows.get(0).put("date_prec", "0");
		rows.get(0).put("best", "several");
		rows.get(1).put("id", "900002");
		rows.get(2).put("id", "900003");
		rows.get(2).put("date_start", "");
		rows.get(2).put("type_of_violence", "4");
		ImportOutcome.Completed done = (ImportOutcome.Completed) importFile(
				UcdpFixture.write(this.files.resolve("precisions.csv"), rows));

		assertThat(done.counts()).isEqualTo(new Imports.Counts(3, 1, 0, 2));
		assertThat(context.getBean(Imports.class).rejections(done.run().id()))
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code, Imports.RowRejection::field)
			.containsExactly(tuple(2L, ErrorCode.INVALID_VALUE, "best"),
					tuple(2L, ErrorCode.UNKNOWN_PRECISION, "date_prec,where_prec"),
					tuple(4L, ErrorCode.FIELD_REQUIRED, "date_start"),
					tuple(4L, ErrorCode.INVALID_VALUE, "type_of_violence"));
		assertThat(storedIds(List.of("900001", "900002", "900003"))).containsExactly("900002");
	}

	@Test
	void aQuoteNeverClosedStopsTheReadingAndIsRecordedAtItsRow() throws IOException {
		List<Map<String, String>> rows = UcdpFixture.realRows(2);
		rows.get(0).put("id", "990101");
		rows.get(1).put("id", "990102");
		Path file = UcdpFixture.write(this.files.resolve("truncated.csv"), rows);
		String text = Files.readString(file) + "\"990001,\"2016\",\"cut off in the middle of a quoted field\n";
		Files.writeString(file, text, StandardCharsets.UTF_8);

		ImportOutcome.Completed done = (ImportOutcome.Completed) importFile(file);

		assertThat(done.readToEnd()).isFalse();
		assertThat(done.failed()).isTrue();
		assertThat(done.counts()).isEqualTo(new Imports.Counts(3, 2, 0, 1));
		assertThat(storedIds(List.of("990101", "990102"))).containsExactlyInAnyOrder("990101", "990102");
		assertThat(context.getBean(Imports.class).rejections(done.run().id()))
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code)
			.containsExactly(tuple(4L, ErrorCode.UNREADABLE_ROW));
	}

	@Test
	void aFileWithoutTheUcdpColumnsIsNotImportedAtAll() throws IOException {
		Path file = Files.writeString(this.files.resolve("other.csv"), "id,date,text\n1,2016-01-01,hello\n");
		long before = context.getBean(Reports.class).count();

		ImportOutcome outcome = importFile(file);

		assertThat(outcome).isInstanceOf(ImportOutcome.NotImportable.class);
		assertThat(((ImportOutcome.NotImportable) outcome).reason()).contains("type_of_violence", "latitude");
		assertThat(context.getBean(Reports.class).count()).isEqualTo(before);
	}

	@Test
	void everyRowRejectedMeansTheImportFailed() {
		List<Map<String, String>> rows = UcdpFixture.realRows(2);
		rows.forEach(row -> row.put("longitude", "east"));
		ImportOutcome.Completed done = (ImportOutcome.Completed) importFile(
				UcdpFixture.write(this.files.resolve("all-bad.csv"), rows));

		assertThat(done.counts()).isEqualTo(new Imports.Counts(2, 0, 0, 2));
		assertThat(done.failed()).isTrue();
	}

}
