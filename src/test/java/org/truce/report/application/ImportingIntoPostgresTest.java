package org.truce.report.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.shared.ErrorCode;
import org.truce.testing.Monitor;
import org.truce.testing.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The importers, the record of import runs and the export on PostgreSQL + PostGIS, in a
 * schema of its own. Skipped without {@code TRUCE_TEST_PG_URL}; fails without it when
 * {@code TRUCE_REQUIRE_PG=1}.
 */
@PostgresTest
class ImportingIntoPostgresTest {

	static TestStores.PostgresSchema schema;

	static ConfigurableApplicationContext context;

	@TempDir
	Path files;

	/**
	 * Per test rather than per class, so that a missing database shows as skipped tests
	 * with the reason.
	 */
	@BeforeEach
	void start() {
		if (context == null) {
			schema = TestStores.PostgresSchema.create();
			context = TestStores.postgres(schema);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (context != null) {
			context.close();
		}
		if (schema != null) {
			schema.close();
		}
	}

	@Test
	void brokenUcdpRowsAreRejectedByRowNumberAndAReimportStoresNothing() {
		ImportFile file = UcdpFixture.file(UcdpFixture.fiveRowsWithTwoBrokenOnes(this.files));
		ImportingUcdp importing = context.getBean(ImportingUcdp.class);

		ImportOutcome.Completed first = (ImportOutcome.Completed) importing.importFile(file, ImportProgress.NONE);
		ImportOutcome.Completed again = (ImportOutcome.Completed) importing.importFile(file, ImportProgress.NONE);

		assertThat(first.counts()).isEqualTo(new Imports.Counts(5, 3, 0, 2));
		assertThat(again.counts()).isEqualTo(new Imports.Counts(5, 0, 3, 2));
		Imports imports = context.getBean(Imports.class);
		assertThat(imports.rejections(first.run().id()))
			.extracting(Imports.RowRejection::rowNumber, Imports.RowRejection::code, Imports.RowRejection::field)
			.containsExactly(tuple(3L, ErrorCode.INVALID_VALUE, "latitude"),
					tuple(5L, ErrorCode.INTERVAL_END_BEFORE_START, "date_end"));
		Imports.ImportRun stored = imports.byId(first.run().id()).orElseThrow();
		assertThat(stored.counts()).isEqualTo(first.counts());
		assertThat(stored.finishedAt()).isEqualTo(first.run().finishedAt());
		assertThat(imports.lastFinished("ucdp", first.run().sha256(), first.run().timeZone()).orElseThrow().id())
			.isEqualTo(again.run().id());
		assertThat(importing.importOnce(file, ZoneId.of(first.run().timeZone()), ImportProgress.NONE))
			.isInstanceOf(ImportOutcome.AlreadyImported.class);
	}

	@Test
	void theAcledFixtureImportsAndExportsAsGeoJson() throws IOException {
		ImportOutcome.Completed done = (ImportOutcome.Completed) context.getBean(ImportingAcled.class)
			.importFile(ImportingAcledExportTest.fixture(), ImportProgress.NONE);
		assertThat(done.counts()).isEqualTo(new Imports.Counts(19, 9, 1, 9));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long n = context.getBean(ExportingReports.class).exportAll(ReportFormat.GEOJSON, out, Monitor.READER);
		JsonNode root = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(root.get("features")).hasSize((int) n);
		assertThat(n).isEqualTo(context.getBean(Reports.class).count());
	}

}
