package org.truce.report.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.truce.ledger.application.Ledger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, part 5: an ACLED or UCDP file whose header lacks a column the importer reads,
 * or names it otherwise, is refused with the column named and nothing recorded; a row of
 * HXL hashtags under the header, as HDX publishes, is not data.
 */
class RefusingFilesThatLackAColumnTest {

	@TempDir
	static Path dir;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = TestStores.sqlite(dir.resolve("store"));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void everyColumnUcdpsImporterReadsIsRequiredAndARenamedOneIsRefusedWithNothingStored() throws IOException {
		for (String column : UcdpRows.REQUIRED) {
			String renamed = Files.readString(UcdpFixture.write(dir.resolve("five.csv"), UcdpFixture.realRows(5)))
				.replaceFirst("\"" + column + "\"", "\"" + column + "_renamed\"");
			Path file = Files.writeString(dir.resolve("renamed-" + column + ".csv"), renamed);

			assertRefusedWithNothingStored(
					() -> context.getBean(ImportingUcdp.class).importFile(UcdpFixture.file(file), ImportProgress.NONE),
					column);
		}
	}

	@Test
	void everyColumnAcledsImporterReadsIsRequiredAndAMissingOneIsRefusedWithNothingStored() throws IOException {
		List<String> lines = Files.readAllLines(fixture("acled/acled_syria_names_sample.csv"));
		List<String> header = List.of(lines.get(0).split(","));
		for (String column : AcledRows.REQUIRED) {
			int at = header.indexOf(column);
			assertThat(at).as(column).isNotNegative();
			List<String> without = new ArrayList<>();
			for (String line : lines) {
				without.add(String.join(",", dropField(line, at)));
			}
			Path file = Files.write(dir.resolve("without-" + column + ".csv"), without, StandardCharsets.UTF_8);

			assertRefusedWithNothingStored(
					() -> context.getBean(ImportingAcled.class).importFile(UcdpFixture.file(file), ImportProgress.NONE),
					column);
		}
	}

	@Test
	void aRowOfHxlHashtagsUnderTheHeaderIsSkippedAndTheRowsKeepTheirNumbers() throws IOException {
		List<String> lines = new ArrayList<>(Files.readAllLines(fixture("acled/acled_syria_names_sample.csv")));
		int columns = lines.get(0).split(",").length;
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < columns; i++) {
			tags.add(i == 0 ? "#event +id" : i == 1 ? "#date" : i % 3 == 0 ? "" : "#x_acled+col" + i);
		}
		lines.add(1, String.join(",", tags));
		Path file = Files.write(dir.resolve("hdx.csv"), lines, StandardCharsets.UTF_8);

		ImportOutcome.Completed done = (ImportOutcome.Completed) context.getBean(ImportingAcled.class)
			.importFile(UcdpFixture.file(file), ImportProgress.NONE);

		assertThat(done.counts().rowsRead()).isEqualTo(lines.size() - 2);
		assertThat(done.counts().rejected()).isZero();
		assertThat(done.counts().imported()).isEqualTo(lines.size() - 2);
		assertThat(reportCount()).isEqualTo(lines.size() - 2);
		context.getBean(Reports.class)
			.find(org.truce.report.model.ReportQuery.all(100))
			.reports()
			.forEach(r -> assertThat(r.sourceFields().values().get("event_id_cnty")).startsWith("SYRN"));
	}

	private interface Importing {

		ImportOutcome run();

	}

	private static void assertRefusedWithNothingStored(Importing importing, String column) {
		long entries = context.getBean(Ledger.class).size();
		long reports = reportCount();
		long runs = jdbc().sql("SELECT count(*) FROM imports").query(Long.class).single();

		ImportOutcome outcome = importing.run();

		assertThat(outcome).as(column).isInstanceOf(ImportOutcome.NotImportable.class);
		ImportOutcome.NotImportable refused = (ImportOutcome.NotImportable) outcome;
		assertThat(refused.missingColumns()).as(column).containsExactly(column);
		assertThat(refused.reason()).contains(column).contains("nothing was imported");
		assertThat(context.getBean(Ledger.class).size()).as(column).isEqualTo(entries);
		assertThat(reportCount()).as(column).isEqualTo(reports);
		assertThat(jdbc().sql("SELECT count(*) FROM imports").query(Long.class).single()).as(column).isEqualTo(runs);
	}

	private static long reportCount() {
		return context.getBean(Reports.class).count();
	}

	private static JdbcClient jdbc() {
		return context.getBean(JdbcClient.class);
	}

	private static Path fixture(String name) throws IOException {
		return Path.of(new ClassPathResource(name).getURI());
	}

	/** The CSV line's fields but one; quoted fields with commas are kept whole. */
	private static List<String> dropField(String line, int at) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
				continue;
			}
			field.append(c);
		}
		fields.add(field.toString());
		fields.remove(at);
		return fields;
	}

}
