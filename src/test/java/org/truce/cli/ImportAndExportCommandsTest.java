package org.truce.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce import} and {@code truce export} run as a user runs them, with their
 * output and exit codes.
 */
class ImportAndExportCommandsTest {

	/**
	 * ACLED's required columns: the ten a row below fills first, then the others, left
	 * empty.
	 */
	private static final String ACLED_HEADER = "event_id_cnty,event_date,time_precision,sub_event_type,actor1,actor2,"
			+ "latitude,longitude,geo_precision,fatalities,event_type,assoc_actor_1,inter1,assoc_actor_2,inter2,"
			+ "interaction,civilian_targeting,admin1,admin2,location,source,notes\n";

	private static final String ACLED_REST = ",,,,,,,,,,,,";

	@TempDir
	Path dir;

	private static Truce.Run truce(String... args) {
		return Truce.run(args);
	}

	private Path copyOfTheAcledFixture() throws IOException {
		Path file = this.dir.resolve("acled.csv");
		try (InputStream in = new ClassPathResource("acled/acled_syria_2016_sample.csv").getInputStream()) {
			Files.copy(in, file);
		}
		return file;
	}

	@SlowTest
	@Test
	void importingPrintsTheSummaryTheRejectionsAndProgressThenExportingWritesEveryReport() throws IOException {
		Path file = copyOfTheAcledFixture();
		Path data = this.dir.resolve("data");

		Truce.Run run = truce("import", "acled", "--data", data.toString(), file.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Imported 9 reports from " + file
				+ ": 19 rows read, 9 imported, 1 already present, 9 rejected." + System.lineSeparator()
				+ "Dates without a time were read as calendar days in Asia/Damascus." + System.lineSeparator()
				+ "Names that resolved to no single actor: 10 rows in the actor column, 8 rows in the target column."
				+ " The most common:" + System.lineSeparator() + "  actor       3  Military Forces of Syria (2000-)");
		assertThat(run.err()).contains("rejected: INVALID_VALUE [latitude] Row 3 (event_id_cnty 'SYRX0101'): ")
			.contains("rejected: UNREADABLE_ROW Row 20 (event_id_cnty 'SYRX0108'): Row 20 has 5 fields")
			.contains("(9 rows rejected in all; every rejection is stored with import ")
			.contains("note: 1 rows already present differ from the stored version")
			.contains("ACLED 100% 19 rows");

		Path geojson = this.dir.resolve("out/reports.geojson");
		Files.createDirectories(geojson.getParent());
		Truce.Run export = truce("export", "reports", "--data", data.toString(), "--format", "GeoJSON", "--out",
				geojson.toString());
		assertThat(export.exitCode()).isZero();
		assertThat(export.out()).contains("Exported 9 reports to " + geojson);
		assertThat(Files.readString(geojson)).startsWith("{\"type\":\"FeatureCollection\",\"features\":[")
			.contains("\"externalId\":\"SYRX0009\"");
		try (var listing = Files.list(geojson.getParent())) {
			assertThat(listing).containsExactly(geojson);
		}

		Truce.Run again = truce("import", "acled", "--data", data.toString(), file.toString());
		assertThat(again.out()).contains(": 19 rows read, 0 imported, 10 already present, 9 rejected.");
	}

	@Test
	void aFileWhoseEveryRowIsRejectedExitsWithOne() throws IOException {
		Path file = Files.writeString(this.dir.resolve("bad.csv"),
				ACLED_HEADER + "X1,2016-01-01,1,Armed clash,A,B,north,37,1,0" + ACLED_REST + "\n"
						+ "X2,,1,Armed clash,A,B,36,37,1,0" + ACLED_REST + "\n");

		Truce.Run run = truce("import", "acled", "--data", this.dir.resolve("data").toString(), file.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains(": 2 rows read, 0 imported, 0 already present, 2 rejected.");
	}

	@SlowTest
	@Test
	void datesAreDaysInTheScenariosZoneUnlessTheImportNamesAnotherAndTheCommandSaysWhich() throws IOException {
		String header = ACLED_HEADER;
		Path local = Files.writeString(this.dir.resolve("local.csv"),
				header + "SYRZ0001,2016-09-19,1,Armed clash,A,B,36.2,37.1,1,0" + ACLED_REST + "\n");
		Path utc = Files.writeString(this.dir.resolve("utc.csv"),
				header + "SYRZ0002,2016-09-19,1,Armed clash,A,B,36.2,37.1,1,0" + ACLED_REST + "\n");
		Path data = this.dir.resolve("data");

		Truce.Run inDamascus = truce("import", "acled", "--data", data.toString(), local.toString());
		Truce.Run inUtc = truce("import", "acled", "--data", data.toString(), "--zone", "UTC", utc.toString());

		assertThat(inDamascus.exitCode()).isZero();
		assertThat(inDamascus.out()).contains("Dates without a time were read as calendar days in Asia/Damascus.");
		assertThat(inUtc.out()).contains("Dates without a time were read as calendar days in UTC.");
		Path geojson = this.dir.resolve("reports.geojson");
		truce("export", "reports", "--data", data.toString(), "--format", "geojson", "--out", geojson.toString());
		assertThat(Files.readString(geojson))
			.containsPattern("\"externalId\":\"SYRZ0001\".*\"timeStart\":\"2016-09-18T21:00:00Z\""
					+ "|\"timeStart\":\"2016-09-18T21:00:00Z\".*\"externalId\":\"SYRZ0001\"")
			.contains("\"timeStart\":\"2016-09-19T00:00:00Z\"");
	}

	@Test
	void aZoneThatIsNoneExitsWithTwoNamingTheOption() throws IOException {
		Truce.Run run = truce("import", "ucdp", "--data", this.dir.resolve("data").toString(), "--zone",
				"Asia/Atlantis", copyOfTheAcledFixture().toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.contains("truce import: UNKNOWN_TIME_ZONE [--zone] --zone: 'Asia/Atlantis' is not a time zone");
	}

	@Test
	void usageErrorsExitWithTwoAndAClearMessage() throws IOException {
		Truce.Run missing = truce("import", "ucdp", "--data", this.dir.resolve("data").toString(),
				this.dir.resolve("nope.csv").toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("truce import: no such file: " + this.dir.resolve("nope.csv"));

		Truce.Run noFile = truce("import", "ucdp");
		assertThat(noFile.exitCode()).isEqualTo(2);
		assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");

		Path acled = copyOfTheAcledFixture();
		Truce.Run wrongKind = truce("import", "ucdp", "--data", this.dir.resolve("data").toString(), acled.toString());
		assertThat(wrongKind.exitCode()).isEqualTo(2);
		assertThat(wrongKind.err())
			.contains("is not a file this importer reads: the header lacks the UCDP columns id,");

		Truce.Run format = truce("export", "reports", "--data", this.dir.resolve("data").toString(), "--format", "kml");
		assertThat(format.exitCode()).isEqualTo(2);
		assertThat(format.err()).contains("--format must be geojson, csv, acled or ucdp, not kml.");

		Truce.Run hxl = truce("export", "reports", "--data", this.dir.resolve("data").toString(), "--format", "geojson",
				"--hxl");
		assertThat(hxl.exitCode()).isEqualTo(2);
		assertThat(hxl.err()).contains("--hxl goes with --format csv only");
	}

}
