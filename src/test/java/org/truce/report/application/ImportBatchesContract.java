package org.truce.report.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.truce.ledger.application.Ledger;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An import stored in batches of {@value #BATCH} rows ({@code truce.import.batch-size}):
 * around the batches' edges every row read is imported or rejected with its row number,
 * every stored report has its ledger entry, and the run's record holds the counts of the
 * outcome. Each store runs it in a subclass.
 */
abstract class ImportBatchesContract {

	static final int BATCH = 3;

	@TempDir
	Path files;

	/** A store whose imports use batches of {@value #BATCH} rows. */
	abstract ConfigurableApplicationContext context();

	/**
	 * Makes the store refuse to insert the report with this external id (a trigger that
	 * aborts the statement), as a full disk or a broken constraint would.
	 */
	abstract void refuseReport(String externalId);

	/** Undoes {@link #refuseReport}. */
	abstract void acceptEveryReport();

	@ParameterizedTest(name = "{0} rows")
	@ValueSource(ints = { 0, 1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 2 * BATCH + 1 })
	void everyRowIsStoredWithItsLedgerEntryWhateverItsBatch(int rows) throws IOException {
		String prefix = "B" + rows + "x" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			lines.add(row(prefix + i, "35.1" + i));
		}

		ImportOutcome.Completed done = importLines(lines);

		assertThat(done.counts()).isEqualTo(new Imports.Counts(rows, rows, 0, 0));
		assertEveryReportIsStoredWithItsEntry(prefix, rows);
		Imports.ImportRun stored = context().getBean(Imports.class).byId(done.run().id()).orElseThrow();
		assertThat(stored.counts()).isEqualTo(done.counts());
		assertThat(stored.finishedAt()).isEqualTo(done.run().finishedAt());
	}

	@Test
	void aBadRowInTheSecondBatchIsRejectedByItsRowNumberAndTheRestIsImported() throws IOException {
		String prefix = "BAD" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 2 * BATCH + 1; i++) {
			// The fifth data row, row 6 of the file, is in the second batch.
			lines.add(row(prefix + i, i == 4 ? "north" : "35.2" + i));
		}

		ImportOutcome.Completed done = importLines(lines);

		assertThat(done.counts()).isEqualTo(new Imports.Counts(2 * BATCH + 1, 2 * BATCH, 0, 1));
		assertThat(context().getBean(Imports.class).rejections(done.run().id()))
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code, Imports.RowRejection::field)
			.containsExactly(tuple(6L, ErrorCode.INVALID_VALUE, "latitude"));
		List<Report> stored = storedWith(prefix);
		assertThat(stored).extracting(Report::externalId)
			.containsExactlyInAnyOrder(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 5, prefix + 6);
		assertEveryReportIsStoredWithItsEntry(prefix, 2 * BATCH);
		assertThat(context().getBean(Imports.class).byId(done.run().id()).orElseThrow().counts())
			.isEqualTo(done.counts());
	}

	@Test
	void reimportingAcrossBatchesStoresNothingAndCountsEachRowAsPresent() throws IOException {
		String prefix = "AGAIN" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < BATCH + 2; i++) {
			lines.add(row(prefix + i, "35.3" + i));
		}
		importLines(lines);
		// The same rows and one new one, so that a batch holds both kinds.
		lines.add(1, row(prefix + "new", "35.4"));

		ImportOutcome.Completed again = importLines(lines);

		assertThat(again.counts()).isEqualTo(new Imports.Counts(BATCH + 3, 1, BATCH + 2, 0));
		assertThat(again.changedDuplicates()).isZero();
		assertEveryReportIsStoredWithItsEntry(prefix, BATCH + 3);
	}

	@Test
	void aBatchTheStoreRefusesStopsTheRunKeepingTheBatchesBeforeItAndARerunImportsTheRest() throws IOException {
		String prefix = "STOP" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 3 * BATCH; i++) {
			lines.add(row(prefix + i, "35.5" + i));
		}
		Path file = write(lines);
		// The store fails in the second batch.
		refuseReport(prefix + (BATCH + 1));
		try {
			assertThatThrownBy(() -> importFile(file)).isInstanceOf(RuntimeException.class);
		}
		finally {
			acceptEveryReport();
		}

		// The first batch was committed whole, with its entries and its count; nothing of
		// the second and third.
		assertThat(storedWith(prefix)).extracting(Report::externalId)
			.containsExactlyInAnyOrder(prefix + 0, prefix + 1, prefix + 2);
		assertEveryReportIsStoredWithItsEntry(prefix, BATCH);
		assertThat(context().getBean(JdbcTemplate.class)
			.queryForList("SELECT rows_read, imported, finished_at FROM imports WHERE file_name = ?", file.toString()))
			.singleElement()
			.satisfies(run -> {
				assertThat(((Number) run.get("rows_read")).longValue()).isEqualTo(BATCH);
				assertThat(((Number) run.get("imported")).longValue()).isEqualTo(BATCH);
				assertThat(run.get("finished_at")).isNull();
			});

		ImportOutcome.Completed rerun = (ImportOutcome.Completed) importFile(file);

		assertThat(rerun.counts()).isEqualTo(new Imports.Counts(3 * BATCH, 2 * BATCH, BATCH, 0));
		assertEveryReportIsStoredWithItsEntry(prefix, 3 * BATCH);
	}

	private ImportOutcome.Completed importLines(List<String> lines) throws IOException {
		return (ImportOutcome.Completed) importFile(write(lines));
	}

	private Path write(List<String> lines) throws IOException {
		Path file = this.files.resolve("acled-" + UUID.randomUUID() + ".csv");
		List<String> all = new ArrayList<>();
		all.add("event_id_cnty,event_date,time_precision,sub_event_type,actor1,actor2,latitude,longitude,"
				+ "geo_precision,fatalities,notes,event_type,assoc_actor_1,inter1,assoc_actor_2,inter2,interaction,"
				+ "civilian_targeting,admin1,admin2,location,source");
		all.addAll(lines);
		Files.write(file, all, StandardCharsets.UTF_8);
		return file;
	}

	private ImportOutcome importFile(Path file) throws IOException {
		return context().getBean(ImportingAcled.class)
			.importFile(ImportFile.of(file), ZoneOffset.UTC, ImportProgress.NONE);
	}

	private static String row(String id, String latitude) {
		return id + ",2016-09-19,1,Armed clash,Military Forces of Syria (2000-),Islamic State (Syria)," + latitude
				+ ",37.1,1,2,Batch test row " + id + ",,,,,,,,,,,";
	}

	private List<Report> storedWith(String prefix) {
		return context().getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> r.externalId() != null && r.externalId().startsWith(prefix))
			.toList();
	}

	private void assertEveryReportIsStoredWithItsEntry(String prefix, int expected) {
		List<Report> stored = storedWith(prefix);
		assertThat(stored).hasSize(expected);
		Ledger ledger = context().getBean(Ledger.class);
		for (Report r : stored) {
			assertThat(ledger.indexOf(RecordingReports.REPORT, r.id().toString())).as(r.externalId()).isPresent();
		}
	}

}
