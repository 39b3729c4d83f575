package org.truce.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce agreement check|load}, {@code truce control load},
 * {@code truce adjudicate} and {@code truce export findings}, run as a user runs them.
 */
class AgreementCommandsTest {

	@TempDir
	Path dir;

	private static Truce.Run truce(String... args) {
		return Truce.run(args);
	}

	private Path copy(String resource, String name) throws IOException {
		Path file = this.dir.resolve(name);
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			Files.copy(in, file);
		}
		return file;
	}

	@Test
	void checkExitsZeroForValidDocumentsAndOneWithLocatedErrors() throws IOException {
		Path good = copy("scenarios/syria-2016/agreements/aleppo-pause-2016-10.yaml", "pause.yaml");
		Path bad = this.dir.resolve("bad.yaml");
		Files.writeString(bad, "id: bad\neffective: {from: \"2016-10-20\"}\nparties: [a]\nterms: []\n");

		Truce.Run valid = truce("agreement", "check", good.toString());
		assertThat(valid.exitCode()).isZero();
		assertThat(valid.out()).contains(good + ": valid: aleppo-pause-2016-10 v1");

		Truce.Run invalid = truce("agreement", "check", good.toString(), bad.toString());
		assertThat(invalid.exitCode()).isEqualTo(1);
		assertThat(invalid.err()).contains(bad + ":2:").contains("zone offset");
	}

	@Test
	void anAmendmentIsCheckedAgainstTheVersionItAmendsAmongTheFilesGiven() throws IOException {
		Path v1 = copy("scenarios/syria-2016/agreements/syria-coh-2016-02.yaml", "coh.yaml");
		Path v2 = copy("scenarios/syria-2016/agreements/syria-coh-2016-02-v2.yaml", "coh-v2.yaml");

		Truce.Run alone = truce("agreement", "check", v2.toString());
		assertThat(alone.exitCode()).isEqualTo(1);
		assertThat(alone.err()).contains(v2 + ":").contains("amends: version 1 of syria-coh-2016-02 is not known");

		Truce.Run together = truce("agreement", "check", v2.toString(), v1.toString());
		assertThat(together.exitCode()).as(together.err()).isZero();
		assertThat(together.out()).contains(v2 + ": valid: syria-coh-2016-02 v2, 7 terms, 12 zones");
	}

	@SlowTest
	@Test
	void loadingAdjudicatingAndExportingGiveOneRowPerIncidentAndTerm() throws IOException {
		Path data = this.dir.resolve("data");
		Path events = copy("acled/acled_syria_2016_sample.csv", "acled.csv");
		Path coh = copy("scenarios/syria-2016/agreements/syria-coh-2016-02.yaml", "coh.yaml");
		Path control = copy("scenarios/syria-2016/control/control-2016.geojson", "control.geojson");
		assertThat(truce("control", "load", "--data", data.toString(), control.toString()).exitCode()).isZero();

		Truce.Run load = truce("agreement", "load", "--data", data.toString(), coh.toString());
		assertThat(load.exitCode()).isZero();
		assertThat(load.out()).contains("syria-coh-2016-02 v1 stored");
		assertThat(truce("agreement", "load", "--data", data.toString(), coh.toString()).out())
			.contains("already stored, unchanged");
		Truce.Run imported = truce("import", "acled", "--data", data.toString(), events.toString());
		assertThat(imported.exitCode()).isZero();
		assertThat(imported.out()).contains("Findings recomputed under syria-coh-2016-02: {");

		Truce.Run adjudicate = truce("adjudicate", "--data", data.toString(), "--agreement", "syria-coh-2016-02");
		assertThat(adjudicate.exitCode()).isZero();
		// Of the nine events, SYRX0009 (the week of 15 January) is before the cessation
		// began.
		assertThat(adjudicate.out()).contains("syria-coh-2016-02: 8 incidents checked");

		Path csv = this.dir.resolve("findings.csv");
		Truce.Run export = truce("export", "findings", "--data", data.toString(), "--agreement", "syria-coh-2016-02",
				"--format", "csv", "--out", csv.toString());
		assertThat(export.exitCode()).isZero();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(Files.readString(csv)))
			.getRecords();
		int terms = 5;
		assertThat(rows).hasSize(8 * terms);
		assertThat(rows.get(0).toMap()).containsKeys("incident_id", "external_ids", "term_id", "view_id", "outcome",
				"reasons", "possible_perpetrators");
		assertThat(rows).allSatisfy(r -> assertThat(r.get("view_id")).as("no disputed fact").isEmpty());
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.get("outcome")).isIn("VIOLATION", "NO_VIOLATION", "UNDETERMINED");
			assertThat(r.get("reasons")).isNotBlank();
			assertThat(r.get("external_ids")).startsWith("SYR");
		});

		Truce.Run unknown = truce("export", "findings", "--data", data.toString(), "--agreement", "nope");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("no agreement has the id nope");
	}

}
