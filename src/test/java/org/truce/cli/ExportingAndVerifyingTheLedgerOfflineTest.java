package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.truce.ledger.application.ExportVerdict;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.VerifyingExport;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.VerifierKey;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cli.CommandLineRun.truce;

/**
 * {@code truce export ledger} writes the ledger to a directory, and {@code truce verify}
 * checks it with nothing but those files and the keys: the round trip passes, and every
 * kind of tampering (a changed byte, a changed root or signature, a dropped, added or
 * reordered entry) is reported with the entry or checkpoint where it shows.
 *
 * <p>
 * The log: reports in three batches, a checkpoint after each; side A's witness cosigns
 * the first and second checkpoints, side B's the second only; side C never runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportingAndVerifyingTheLedgerOfflineTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Path home;

	private Path export;

	private String logKey;

	private String sideA;

	private String sideB;

	private String sideC;

	private long entries;

	private final List<Long> checkpoints = new ArrayList<>();

	private CommandLineRun exported;

	private int reports;

	@BeforeAll
	void aLogWithCheckpointsAndCosignaturesExported() throws Exception {
		this.home = RunningTruce.newTempDir();
		Path keyA = this.home.resolve("a.key");
		Path keyB = this.home.resolve("b.key");
		this.sideA = truce("witness", "key", "--name", "witness.side-a.example", "--out", keyA.toString()).out()
			.strip();
		this.sideB = truce("witness", "key", "--name", "witness.side-b.example", "--out", keyB.toString()).out()
			.strip();
		this.sideC = truce("witness", "key", "--name", "witness.side-c.example", "--out",
				this.home.resolve("c.key").toString())
			.out()
			.strip();
		Path data = this.home.resolve("log");
		try (RunningTruce truce = RunningTruce.sqliteIn(data, true, Map.of("truce.ledger.witnesses",
				this.sideA + "," + this.sideB + "," + this.sideC, "truce.ledger.checkpoint-seconds", "3600"))) {
			truce.bean(Sources.class).save(ReportFixture.ucdp());
			Http http = truce.http("monitor");
			this.logKey = http.get("/ledger/key").json().get("verifierKey").asString();
			String server = truce.baseUri().toString();

			postReports(http, 3);
			checkpoint(truce);
			assertThat(witness(keyA, server).exitCode()).isZero();

			postReports(http, 3);
			truce.bean(Ledger.class).append(List.of(numbersAndEscapes()));
			checkpoint(truce);
			assertThat(witness(keyA, server).exitCode()).isZero();
			assertThat(witness(keyB, server).exitCode()).isZero();

			postReports(http, 3);
			checkpoint(truce);
			this.entries = truce.bean(Ledger.class).size();
		}
		this.export = this.home.resolve("export");
		// The export is configured as the server is (here by a system property, as an
		// environment variable TRUCE_LEDGER_WITNESSES would).
		System.setProperty("truce.ledger.witnesses", this.sideA + "," + this.sideB + "," + this.sideC);
		try {
			this.exported = truce("export", "ledger", "--data", data.toString(), "--out", this.export.toString());
		}
		finally {
			System.clearProperty("truce.ledger.witnesses");
		}
	}

	@AfterAll
	void removeEverything() throws IOException {
		RunningTruce.deleteRecursively(this.home);
	}

	/**
	 * Numbers whose canonical forms are the awkward ones (an exact double above 2^53, an
	 * exponent, a small fraction) and a string that needs escaping.
	 */
	private static LedgerEntry numbersAndEscapes() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("big", 1.152921504606846976E18);
		body.put("huge", 1e21);
		body.put("small", 1e-7);
		body.put("negative", -0.5);
		body.put("text", "Frappe près d’Alep: \"convoi\"\n\t\\ \u2028 \uD83D\uDE00 \u0001");
		body.put("list", List.of(1, 2.5, true, false, Map.of()));
		body.put("nothing", null);
		return new LedgerEntry("test", "numbers-and-escapes", body);
	}

	// ------------------------------------------------------------------ round trip

	@Test
	void theExportHoldsEveryEntryEveryCheckpointAndTheKeys() throws IOException {
		assertThat(this.exported.exitCode()).as("%s", this.exported).isZero();
		assertThat(this.exported.out())
			.contains("Exported " + this.entries + " ledger entries and 3 signed checkpoints to " + this.export);
		List<String> lines = Files.readAllLines(this.export.resolve("entries.jsonl"));
		assertThat(lines).hasSize((int) this.entries);
		JsonNode first = JSON.readTree(lines.get(0));
		assertThat(first.propertyNames()).containsExactly("index", "kind", "subject", "entry");
		assertThat(first.get("index").asLong()).isZero();
		assertThat(lines).anyMatch((l) -> l.contains("\"kind\":\"report\""));
		try (Stream<Path> notes = Files.list(this.export.resolve("checkpoints"))) {
			assertThat(notes.map((p) -> p.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(this.checkpoints.stream().map((s) -> s + ".note").toList());
		}
		assertThat(Files.readString(this.export.resolve("checkpoints/" + this.checkpoints.get(1) + ".note")))
			.contains("\u2014 witness.side-a.example ")
			.contains("\u2014 witness.side-b.example ");
		assertThat(Files.readString(this.export.resolve("log.pub"))).isEqualTo(this.logKey + "\n");
		assertThat(Files.readAllLines(this.export.resolve("witnesses.pub"))).containsExactly(this.sideA, this.sideB,
				this.sideC);
		assertThat(Files.readString(this.export.resolve("README.txt"))).contains("truce verify DIR --log-key");
	}

	@Test
	void theExportVerifiesWithTheLogKeyAndSaysHowFarItIsFinal() {
		CommandLineRun run = verify(this.export, "--log-key", this.logKey);
		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.out()).contains("entries: " + this.entries + " (every leaf recomputed, canonical JSON)")
			.contains("checkpoints: 3, signed by " + this.logKey)
			.contains(
					"cosigner witness.side-a.example (from witnesses.pub): cosigned 2 checkpoints, the largest of size "
							+ this.checkpoints.get(1))
			.contains("cosigner witness.side-c.example (from witnesses.pub): cosigned no checkpoint")
			.endsWith("valid" + System.lineSeparator());
		assertThat(run.err()).doesNotContain("WARNING");

		CommandLineRun required = verify(this.export, "--log-key", this.logKey, "--require-cosigners",
				this.sideA + "," + this.sideB);
		assertThat(required.exitCode()).as("%s", required).isZero();
		assertThat(required.out()).contains("cosigner witness.side-b.example (required): cosigned 1 checkpoint,")
			.contains("final: cosigned by every required side up to size " + this.checkpoints.get(1) + "; entries "
					+ this.checkpoints.get(1) + " to " + (this.entries - 1) + " are signed by the log alone");

		CommandLineRun keys = verify(this.export, "--key", this.logKey, "--key", this.sideA, "--key", this.sideB);
		assertThat(keys.exitCode()).as("%s", keys).isZero();
		assertThat(keys.out()).contains("final: cosigned by every required side up to size " + this.checkpoints.get(1));
	}

	@Test
	void withoutALogKeyItSaysLoudlyThatItTrustsTheKeyShippedInTheExport() {
		CommandLineRun run = verify(this.export);
		assertThat(run.exitCode()).as("%s", run).isZero();
		assertThat(run.err()).contains("WARNING: TRUSTING THE LOG KEY SHIPPED IN THE EXPORT (log.pub: " + this.logKey);
		assertThat(run.out()).contains("(from log.pub)");
	}

	@Test
	void requiringASideThatNeverCosignedFails() {
		CommandLineRun run = verify(this.export, "--log-key", this.logKey, "--require-cosigners",
				this.sideA + "," + this.sideC);
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.out()).contains("INVALID [NOT_FINAL]")
			.contains("witness.side-a.example cosigned up to " + this.checkpoints.get(1))
			.contains("witness.side-c.example cosigned none");
	}

	@Test
	void anotherLogKeyRejectsTheCheckpoints() {
		String stranger = SignerKey.generate("localhost/truce", SignatureType.ED25519).verifierKey().encoded();
		CommandLineRun run = verify(this.export, "--log-key", stranger);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("INVALID [BAD_CHECKPOINT_SIGNATURE]")
			.contains("checkpoints/" + this.checkpoints.get(0) + ".note: No signature from a trusted key");
		assertThat(run.err()).contains("log.pub in the export is " + this.logKey + ", not the log key given");
	}

	// ------------------------------------------------------------------- tampering

	@Test
	void aChangedCharacterInAnEntryChangesTheRoot() throws IOException {
		// The first report after the first checkpoint (before it: the monitor's entries
		// and the first reports).
		int index = this.checkpoints.get(0).intValue();
		Path copy = tamperedEntries((lines) -> {
			String changed = otherFirstDigit(lines.get(index), "\\\"event\\\":\\\"");
			assertThat(changed).isNotEqualTo(lines.get(index));
			lines.set(index, changed);
			return lines;
		});
		assertInvalid(copy, ExportFailure.ROOT_MISMATCH, "checkpoints/" + this.checkpoints.get(1) + ".note signs root",
				"an entry from " + this.checkpoints.get(0) + " to " + (this.checkpoints.get(1) - 1) + " was changed");
	}

	@Test
	void anEntryThatIsNoLongerCanonicalIsNamed() throws IOException {
		Path copy = tamperedEntries((lines) -> {
			lines.set(1, lines.get(1).replace("\"entry\":\"{", "\"entry\":\"{ "));
			return lines;
		});
		assertInvalid(copy, ExportFailure.NOT_CANONICAL,
				"entry 1 (line 2): it differs from its canonical form at character 1");
	}

	@Test
	void anEntryWhoseKindOrSubjectWasRelabelledIsNamed() throws IOException {
		Path copy = tamperedEntries((lines) -> {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
			line.put("subject", "someone-else");
			lines.set(2, line.toString());
			return lines;
		});
		assertInvalid(copy, ExportFailure.MISLABELLED, "entry 2 (line 3): the line says kind");
	}

	@Test
	void aDroppedEntryIsFound() throws IOException {
		Path dropped = tamperedEntries((lines) -> {
			lines.remove(1);
			return lines;
		});
		assertInvalid(dropped, ExportFailure.OUT_OF_SEQUENCE, "line 2 holds entry 2 where entry 1 belongs");

		Path renumbered = tamperedEntries((lines) -> {
			lines.remove(1);
			return renumber(lines);
		});
		assertInvalid(renumbered, ExportFailure.ROOT_MISMATCH,
				"checkpoints/" + this.checkpoints.get(0) + ".note signs root");
	}

	@Test
	void twoReorderedEntriesAreFound() throws IOException {
		Path swapped = tamperedEntries((lines) -> {
			String second = lines.get(1);
			lines.set(1, lines.get(2));
			lines.set(2, second);
			return lines;
		});
		assertInvalid(swapped, ExportFailure.OUT_OF_SEQUENCE, "line 2 holds entry 2 where entry 1 belongs");

		Path renumbered = tamperedEntries((lines) -> {
			String second = lines.get(1);
			lines.set(1, lines.get(2));
			lines.set(2, second);
			return renumber(lines);
		});
		assertInvalid(renumbered, ExportFailure.ROOT_MISMATCH,
				"checkpoints/" + this.checkpoints.get(0) + ".note signs root");
	}

	@Test
	void anAddedEntryIsSignedByNobody() throws IOException {
		Path copy = tamperedEntries((lines) -> {
			ObjectNode extra = JSON.createObjectNode();
			extra.put("index", lines.size());
			extra.put("kind", "report");
			extra.putNull("subject");
			extra.put("entry", "{\"body\":{},\"kind\":\"report\",\"subject\":null}");
			lines.add(extra.toString());
			return lines;
		});
		assertInvalid(copy, ExportFailure.UNCOVERED_ENTRIES,
				"entries " + this.entries + " to " + this.entries + " come after the newest checkpoint");
	}

	@Test
	void aChangedRootInACheckpointBreaksItsSignature() throws IOException {
		long size = this.checkpoints.get(1);
		Path copy = tamperedCheckpoint(size, (note) -> {
			String[] lines = note.split("\n", -1);
			lines[2] = otherRoot(lines[2]);
			return String.join("\n", lines);
		});
		assertInvalid(copy, ExportFailure.BAD_CHECKPOINT_SIGNATURE,
				"checkpoints/" + size + ".note: A signature from a trusted key does not verify: localhost/truce+");
	}

	@Test
	void aChangedSignatureIsRejected() throws IOException {
		long size = this.checkpoints.get(0);
		Path copy = tamperedCheckpoint(size, (note) -> {
			int at = note.indexOf("\u2014 localhost/truce ") + "\u2014 localhost/truce ".length() + 20;
			char c = note.charAt(at);
			return note.substring(0, at) + (c == 'A' ? 'B' : 'A') + note.substring(at + 1);
		});
		assertInvalid(copy, ExportFailure.BAD_CHECKPOINT_SIGNATURE, "checkpoints/" + size + ".note");
	}

	@Test
	void withoutTheNewestCheckpointTheLastEntriesAreSignedByNobody() throws IOException {
		Path copy = copyOfTheExport();
		Files.delete(copy.resolve("checkpoints/" + this.checkpoints.get(2) + ".note"));
		assertInvalid(copy, ExportFailure.UNCOVERED_ENTRIES, "entries " + this.checkpoints.get(1) + " to "
				+ (this.entries - 1) + " come after the newest checkpoint (size " + this.checkpoints.get(1) + ")");
	}

	@SlowTest
	@Test
	void anyChangedByteInTheEntriesFileIsDetected() throws IOException {
		Path copy = copyOfTheExport();
		byte[] original = Files.readAllBytes(this.export.resolve("entries.jsonl"));
		Random random = new Random(4_2);
		VerifyingExport.Trust trust = new VerifyingExport.Trust(VerifierKey.parse(this.logKey), null, List.of());
		Set<ExportFailure> seen = EnumSet.noneOf(ExportFailure.class);
		for (int i = 0; i < 150; i++) {
			byte[] bytes = original.clone();
			int at = random.nextInt(bytes.length);
			bytes[at] ^= (byte) (1 + random.nextInt(255));
			Files.write(copy.resolve("entries.jsonl"), bytes);
			ExportVerdict verdict = VerifyingExport.verify(copy, trust);
			assertThat(verdict.valid()).as("byte %d changed from %d to %d", at, original[at], bytes[at]).isFalse();
			seen.add(((ExportVerdict.Invalid) verdict).failure());
		}
		assertThat(seen).contains(ExportFailure.ROOT_MISMATCH, ExportFailure.MALFORMED_LINE);
	}

	@Test
	void anyChangedByteInWhatTheLogSignedIsDetected() throws IOException {
		Path copy = copyOfTheExport();
		Random random = new Random(7);
		VerifyingExport.Trust trust = new VerifyingExport.Trust(VerifierKey.parse(this.logKey), null, List.of());
		for (long size : this.checkpoints) {
			Path note = copy.resolve("checkpoints/" + size + ".note");
			byte[] original = Files.readAllBytes(note);
			String text = new String(original, StandardCharsets.UTF_8);
			int signed = text.indexOf('\n', text.indexOf("\u2014 localhost/truce ")) + 1;
			for (int i = 0; i < 30; i++) {
				byte[] bytes = original.clone();
				int at = random.nextInt(text.substring(0, signed).getBytes(StandardCharsets.UTF_8).length);
				bytes[at] ^= (byte) (1 + random.nextInt(255));
				Files.write(note, bytes);
				assertThat(VerifyingExport.verify(copy, trust).valid()).as("checkpoint %d, byte %d", size, at)
					.isFalse();
			}
			Files.write(note, original);
		}
		assertThat(VerifyingExport.verify(copy, trust).valid()).isTrue();
	}

	// ---------------------------------------------------------------------- usage

	@Test
	void usageErrorsExitWithTwo() throws IOException {
		assertThat(verify(this.home.resolve("nowhere")).exitCode()).isEqualTo(2);
		CommandLineRun badKey = verify(this.export, "--log-key", "nonsense");
		assertThat(badKey.exitCode()).isEqualTo(2);
		assertThat(badKey.err()).contains("--log-key");
		assertThat(verify(this.export, "--log-key", this.sideA).err()).contains("is not a log key");
		assertThat(verify(this.export, "--require-cosigners", this.logKey).err())
			.contains("not a witness's cosigner key");

		CommandLineRun again = truce("export", "ledger", "--data", this.home.resolve("log").toString(), "--out",
				this.export.toString());
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).contains("is not empty; refusing to mix two exports");

		Path second = this.home.resolve("second-export");
		CommandLineRun unconfigured = truce("export", "ledger", "--data", this.home.resolve("log").toString(), "--out",
				second.toString());
		assertThat(unconfigured.exitCode()).as("%s", unconfigured).isZero();
		assertThat(unconfigured.err()).contains("no witness keys are configured");
		assertThat(verify(second, "--log-key", this.logKey, "--require-cosigners", this.sideA + "," + this.sideB)
			.exitCode()).isZero();
	}

	// -------------------------------------------------------------------- helpers

	private void postReports(Http http, int n) {
		for (int i = 0; i < n; i++) {
			this.reports++;
			String body = """
					{"eventType": "Armed clash", "when": {"start": "2016-09-%02d"},
					 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged", "externalId": "v-%d",
					 "narrative": "Shelling near \\"the old city\\" — état-major"}
					""".formatted(1 + this.reports % 28, this.reports);
			Http.Response response = http.postJson("/api/reports", body);
			assertThat(response.status()).as("%s", response).isEqualTo(201);
		}
	}

	private void checkpoint(RunningTruce truce) {
		assertThat(truce.bean(Checkpointing.class).checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
		this.checkpoints.add(truce.bean(Checkpointing.class).latestSize().orElseThrow());
	}

	private CommandLineRun witness(Path key, String server) {
		return truce("witness", "--key", key.toString(), "--server", server, "--log-key", this.logKey);
	}

	private static CommandLineRun verify(Path dir, String... options) {
		List<String> args = new ArrayList<>(List.of("verify", dir.toString()));
		args.addAll(List.of(options));
		return truce(args.toArray(String[]::new));
	}

	private void assertInvalid(Path dir, ExportFailure failure, String... details) {
		CommandLineRun run = verify(dir, "--log-key", this.logKey);
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.out()).contains("INVALID [" + failure + "] ").contains(details);
	}

	private Path copyOfTheExport() throws IOException {
		Path copy = Files.createTempDirectory(this.home, "copy-");
		try (Stream<Path> files = Files.walk(this.export)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(this.export.relativize(file).toString());
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

	private Path tamperedEntries(UnaryOperator<List<String>> change) throws IOException {
		Path copy = copyOfTheExport();
		Path file = copy.resolve("entries.jsonl");
		List<String> lines = change.apply(new ArrayList<>(Files.readAllLines(file)));
		Files.writeString(file, String.join("\n", lines) + "\n");
		return copy;
	}

	private Path tamperedCheckpoint(long size, UnaryOperator<String> change) throws IOException {
		Path copy = copyOfTheExport();
		Path file = copy.resolve("checkpoints/" + size + ".note");
		Files.writeString(file, change.apply(Files.readString(file)));
		return copy;
	}

	private static List<String> renumber(List<String> lines) {
		List<String> renumbered = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
			line.put("index", i);
			renumbered.add(line.toString());
		}
		return renumbered;
	}

	/** The line with the first character after {@code marker} changed. */
	private static String otherFirstDigit(String line, String marker) {
		int at = line.indexOf(marker) + marker.length();
		char c = line.charAt(at);
		return line.substring(0, at) + (c == '0' ? '1' : '0') + line.substring(at + 1);
	}

	private static String otherRoot(String root) {
		char c = root.charAt(5);
		return root.substring(0, 5) + (c == 'A' ? 'B' : 'A') + root.substring(6);
	}

}
