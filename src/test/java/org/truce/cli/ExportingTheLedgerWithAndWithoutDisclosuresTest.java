package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.ExportFailure;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.Disclosure;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.ReportDraft;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cli.CommandLineRun.truce;

/**
 * {@code truce export ledger --disclose none|all}: by default the export holds no
 * report's fields anywhere in its files, only commitments, and verifies; with {@code all}
 * it holds every disclosure, and {@code truce verify} checks each against its entry's
 * commitment, naming the line of the first that fails. An export without
 * disclosures.jsonl (made before selective disclosure) still verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportingTheLedgerWithAndWithoutDisclosuresTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int REPORTS = 4;

	private Path home;

	private Path data;

	private String logKey;

	private long entries;

	private Path closed;

	private Path open;

	private CommandLineRun exportedClosed;

	private CommandLineRun exportedOpen;

	@BeforeAll
	void aLogOfReportsExportedBothWays() throws Exception {
		this.home = RunningTruce.newTempDir();
		this.data = this.home.resolve("log");
		try (RunningTruce truce = RunningTruce.sqliteIn(this.data, true,
				Map.of("truce.ledger.checkpoint-seconds", "3600"))) {
			truce.bean(Sources.class).save(ReportFixture.monitor());
			Http http = new Http(truce.baseUri());
			this.logKey = http.get("/ledger/key").json().get("verifierKey").asString();
			// Submitted in process rather than over HTTP, so that the log holds reports
			// only (a
			// monitor's token would add its user's entries first).
			JsonMapper mapper = truce.bean(JsonMapper.class);
			SubmittingReport submitting = truce.bean(SubmittingReport.class);
			for (int n = 1; n <= REPORTS; n++) {
				ReportDraft draft = mapper.readValue("""
						{"eventType": "armed_clash", "when": {"start": "2016-09-%02d"},
						 "where": {"latitude": 36.21%02d, "longitude": 37.15, "placeName": "Bustan al-Qasr"},
						 "source": "monitor-aleppo", "externalId": "mon-77%02d",
						 "narrative": "Sniper fire at the crossing, report %d"}
						""".formatted(10 + n, n, n, n), ReportDraft.class);
				assertThat(submitting.submit(draft, org.truce.report.application.Submitter.record("test"), null, null)
					.created()).isTrue();
			}
			assertThat(truce.bean(Checkpointing.class).checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
			this.entries = truce.bean(Ledger.class).size();
		}
		this.closed = this.home.resolve("closed");
		this.open = this.home.resolve("open");
		this.exportedClosed = truce("export", "ledger", "--data", this.data.toString(), "--out",
				this.closed.toString());
		this.exportedOpen = truce("export", "ledger", "--data", this.data.toString(), "--out", this.open.toString(),
				"--disclose", "all");
	}

	@AfterAll
	void removeEverything() throws IOException {
		RunningTruce.deleteRecursively(this.home);
	}

	@Test
	void byDefaultNoFileOfTheExportHoldsAReportsFieldsAndItVerifies() throws IOException {
		assertThat(this.exportedClosed.exitCode()).as("%s", this.exportedClosed).isZero();
		assertThat(Files.readString(this.closed.resolve("disclosures.jsonl"))).isEmpty();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(this.closed)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		assertThat(files).hasSizeGreaterThan(4);
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(text).as("%s", file)
				.doesNotContain("monitor-aleppo")
				.doesNotContain("mon-77")
				.doesNotContain("Sniper")
				.doesNotContain("Bustan")
				.doesNotContain("36.21");
		}
		assertThat(Files.readString(this.closed.resolve("entries.jsonl"))).contains("commitments");

		CommandLineRun run = verify(this.closed);
		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.out()).contains("entries: " + this.entries + " (every leaf recomputed, canonical JSON)")
			.contains("disclosures: none opened in the export")
			.endsWith("valid" + System.lineSeparator());
	}

	@Test
	void withAllEveryDisclosureIsExportedAndChecked() throws IOException {
		assertThat(this.exportedOpen.exitCode()).as("%s", this.exportedOpen).isZero();
		assertThat(this.exportedOpen.out()).contains("with " + 4 * REPORTS + " disclosures to " + this.open);
		assertThat(this.exportedOpen.err()).contains("staff only");
		List<String> lines = Files.readAllLines(this.open.resolve("disclosures.jsonl"));
		assertThat(lines).hasSize(4 * REPORTS);
		JsonNode first = JSON.readTree(lines.get(2));
		assertThat(first.propertyNames()).containsExactly("index", "kind", "subject", "group", "salt", "value");
		assertThat(first.get("group").asString()).isEqualTo("source");
		assertThat(first.get("value").toString())
			.isEqualTo("{\"externalId\":\"mon-7701\",\"sourceId\":\"monitor-aleppo\"}");
		assertThat(Files.readString(this.open.resolve("entries.jsonl")))
			.isEqualTo(Files.readString(this.closed.resolve("entries.jsonl")));

		CommandLineRun run = verify(this.open);
		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.out()).contains("disclosures: " + 4 * REPORTS + " (each opens its entry's commitment)")
			.endsWith("valid" + System.lineSeparator());
	}

	@Test
	void aDisclosureWhoseValueWasChangedIsNamedByItsLine() throws IOException {
		Path copy = tamperedDisclosures((lines) -> {
			lines.set(4, lines.get(4).replace("Sniper fire", "Sniper fite"));
			return lines;
		});
		JsonNode line = JSON.readTree(Files.readAllLines(copy.resolve("disclosures.jsonl")).get(4));
		assertInvalid(copy, ExportFailure.DISCLOSURE_MISMATCH,
				"disclosures.jsonl line 5: the event group of entry " + line.get("index").asLong() + " (report "
						+ line.get("subject").asString() + "): SHA-256(salt + \".\" + value) is ",
				", but the entry commits to ");
	}

	@Test
	void aDisclosureWithAnotherSaltIsNamedByItsLine() throws IOException {
		Path copy = tamperedDisclosures((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(6));
			line.put("salt", Disclosure.create("x", 1).salt());
			lines.set(6, line.toString());
			return lines;
		});
		assertInvalid(copy, ExportFailure.DISCLOSURE_MISMATCH, "disclosures.jsonl line 7: the source group of");
	}

	@Test
	void aDisclosureOfAGroupTheEntryDoesNotCommitToIsNamed() throws IOException {
		Path copy = tamperedDisclosures((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(1));
			line.put("group", "coordinates");
			lines.set(1, line.toString());
			return lines;
		});
		assertInvalid(copy, ExportFailure.UNKNOWN_DISCLOSURE_GROUP, "disclosures.jsonl line 2: entry 0 (report ",
				"commits to no group \"coordinates\"", "(its groups: event, location, source, submitter)");
	}

	@Test
	void aDisclosureOfAnEntryTheExportLacksOrOfAnotherSubjectIsNamed() throws IOException {
		Path beyond = tamperedDisclosures((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(lines.size() - 1));
			line.put("index", this.entries);
			lines.set(lines.size() - 1, line.toString());
			return lines;
		});
		assertInvalid(beyond, ExportFailure.DISCLOSURE_WITHOUT_ENTRY, "disclosures.jsonl line " + 4 * REPORTS
				+ ": entry " + this.entries + ", but the export has " + this.entries + " entries");

		Path relabelled = tamperedDisclosures((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(0));
			line.put("subject", "someone-else");
			lines.set(0, line.toString());
			return lines;
		});
		assertInvalid(relabelled, ExportFailure.DISCLOSURE_WITHOUT_ENTRY,
				"disclosures.jsonl line 1 is of report someone-else, but entry 0 (report ");
	}

	@Test
	void malformedOrReorderedDisclosureLinesAreRefused() throws IOException {
		Path reordered = tamperedDisclosures((lines) -> {
			String last = lines.remove(lines.size() - 1);
			lines.add(0, last);
			return lines;
		});
		assertInvalid(reordered, ExportFailure.MALFORMED_DISCLOSURE,
				"disclosures.jsonl line 2: entry 0 comes after entry " + (REPORTS - 1));

		// A second "value" could show a reader one value while the other is checked.
		Path twice = tamperedDisclosures((lines) -> {
			lines.set(0, lines.get(0).replace("\"value\":", "\"value\":{\"narrative\":\"nothing\"},\"value\":"));
			return lines;
		});
		assertInvalid(twice, ExportFailure.MALFORMED_DISCLOSURE, "disclosures.jsonl line 1 is not JSON: Duplicate");

		Path noValue = tamperedDisclosures((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(0));
			line.remove("value");
			lines.set(0, line.toString());
			return lines;
		});
		assertInvalid(noValue, ExportFailure.MALFORMED_DISCLOSURE, "disclosures.jsonl line 1 has no \"value\"");
	}

	@Test
	void aChangedEntryIsReportedAsSuchEvenWhenItsDisclosureNoLongerOpensIt() throws IOException {
		Path copy = copyOf(this.open);
		Path file = copy.resolve("entries.jsonl");
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		String marker = "\\\"event\\\":\\\"";
		int at = lines.get(1).indexOf(marker) + marker.length();
		lines.set(1, lines.get(1).substring(0, at) + (lines.get(1).charAt(at) == '0' ? '1' : '0')
				+ lines.get(1).substring(at + 1));
		Files.writeString(file, String.join("\n", lines) + "\n");
		assertInvalid(copy, ExportFailure.ROOT_MISMATCH, "checkpoints/" + this.entries + ".note signs root");
	}

	@Test
	void anExportWithoutDisclosuresFileStillVerifies() throws IOException {
		Path copy = copyOf(this.open);
		Files.delete(copy.resolve("disclosures.jsonl"));
		CommandLineRun run = verify(copy);
		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.out()).contains("disclosures: none (the export has no disclosures.jsonl)");
	}

	@Test
	void anUnknownDiscloseOptionIsAUsageError() {
		CommandLineRun run = truce("export", "ledger", "--data", this.data.toString(), "--out",
				this.home.resolve("never").toString(), "--disclose", "some");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--disclose must be all or none, not some");
		assertThat(this.home.resolve("never")).doesNotExist();
		assertThat(truce("export", "ledger", "--help").out()).contains("--disclose")
			.contains("REPORTER IDENTITIES")
			.contains("staff");
	}

	// -------------------------------------------------------------------- helpers

	private CommandLineRun verify(Path dir) {
		return truce("verify", dir.toString(), "--log-key", this.logKey);
	}

	private void assertInvalid(Path dir, ExportFailure failure, String... details) {
		CommandLineRun run = verify(dir);
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.out()).contains("INVALID [" + failure + "] ").contains(details);
	}

	private Path tamperedDisclosures(UnaryOperator<List<String>> change) throws IOException {
		Path copy = copyOf(this.open);
		Path file = copy.resolve("disclosures.jsonl");
		List<String> lines = change.apply(new ArrayList<>(Files.readAllLines(file)));
		Files.writeString(file, String.join("\n", lines) + "\n");
		return copy;
	}

	private Path copyOf(Path export) throws IOException {
		Path copy = Files.createTempDirectory(this.home, "copy-");
		try (Stream<Path> files = Files.walk(export)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(export.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return copy;
	}

}
