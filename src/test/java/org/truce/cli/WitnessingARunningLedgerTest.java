package org.truce.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.infrastructure.WitnessStateFile;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.CosignaturePolicy;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cli.CommandLineRun.truce;

/**
 * Each sponsor side runs {@code truce witness} against the running server: it checks the
 * newest checkpoint against what it cosigned before, cosigns it, and the server serves
 * the cosigned checkpoint and says when every side has cosigned. A server that shows a
 * forked log is refused, with the evidence kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessingARunningLedgerTest {

	private static final String SIDE_A = "witness.side-a.example";

	private static final String SIDE_B = "witness.side-b.example";

	private Path home;

	private Path keyA;

	private Path keyB;

	private String verifierKeyA;

	private String verifierKeyB;

	private RunningTruce truce;

	private Http http;

	private int reports;

	@BeforeAll
	void keysAndAServerThatAcceptsThem() throws IOException {
		this.home = RunningTruce.newTempDir();
		this.keyA = this.home.resolve("side-a.key");
		this.keyB = this.home.resolve("side-b.key");
		this.verifierKeyA = newWitnessKey(SIDE_A, this.keyA);
		this.verifierKeyB = newWitnessKey(SIDE_B, this.keyB);
		this.truce = RunningTruce.sqliteIn(this.home.resolve("log"), true, Map.of("truce.ledger.witnesses",
				this.verifierKeyA + "," + this.verifierKeyB, "truce.ledger.checkpoint-seconds", "3600"));
		this.truce.bean(Sources.class).save(ReportFixture.ucdp());
		this.http = this.truce.http("monitor");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.truce != null) {
			this.truce.close();
		}
		RunningTruce.deleteRecursively(this.home);
	}

	private static String newWitnessKey(String name, Path file) {
		CommandLineRun run = truce("witness", "key", "--name", name, "--out", file.toString());
		assertThat(run.exitCode()).as("%s", run).isZero();
		return run.out().strip();
	}

	@Test
	void aNewWitnessKeyIsACosignerKeyReadableByItsOwnerOnly() throws IOException {
		assertThat(this.verifierKeyA).startsWith(SIDE_A + "+").doesNotContain("\n");
		assertThat(StandardBase64.decode(this.verifierKeyA.split("\\+", 3)[2])[0]).isEqualTo((byte) 0x04);
		assertThat(Files.readString(this.keyA)).startsWith("PRIVATE+KEY+" + SIDE_A + "+");
		assertThat(Files.getPosixFilePermissions(this.keyA)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);

		CommandLineRun again = truce("witness", "key", "--name", SIDE_A, "--out", this.keyA.toString());
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).contains("exists; refusing to overwrite");
		assertThat(truce("witness", "key", "--name", "two words", "--out", this.home.resolve("x.key").toString())
			.exitCode()).isEqualTo(2);
	}

	@Test
	void eachSidesWitnessCosignsTheNewestCheckpointAndThenItIsFinal() throws IOException {
		Path stateA = this.home.resolve("final/side-a.state");
		Path stateB = this.home.resolve("final/side-b.state");
		postReports(3);
		long size = checkpoint();
		JsonNode before = this.http.get("/ledger/checkpoint/status").json();
		assertThat(before.get("size").asLong()).isEqualTo(size);
		assertThat(before.get("final").asBoolean()).isFalse();
		assertThat(states(before)).containsExactly(SIDE_A + "=MISSING", SIDE_B + "=MISSING");

		CommandLineRun first = witness(this.keyA, stateA, this.truce.baseUri().toString());
		assertThat(first.exitCode()).as("%s", first).isZero();
		assertThat(first.out()).contains("cosigned checkpoint " + size + " of localhost/truce")
			.contains("trusted on first use");
		String served = this.http.get("/ledger/checkpoint").body();
		assertThat(served).startsWith("localhost/truce\n" + size + "\n").contains("\n\u2014 " + SIDE_A + " ");
		assertThat(Files.readString(stateA)).isEqualTo(served);
		JsonNode half = this.http.get("/ledger/checkpoint/status").json();
		assertThat(states(half)).containsExactly(SIDE_A + "=COSIGNED", SIDE_B + "=MISSING");
		assertThat(half.get("final").asBoolean()).isFalse();

		assertThat(witness(this.keyB, stateB, this.truce.baseUri().toString()).exitCode()).isZero();
		JsonNode both = this.http.get("/ledger/checkpoint/status").json();
		assertThat(states(both)).containsExactly(SIDE_A + "=COSIGNED", SIDE_B + "=COSIGNED");
		assertThat(both.get("final").asBoolean()).isTrue();
		assertThat(both.get("cosigners").get(0).get("key").asString()).isEqualTo(this.verifierKeyA);
		assertThat(both.get("cosigners").get(0).has("cosignedAt")).isTrue();
		Note cosigned = Note.parse(this.http.get("/ledger/checkpoint").body());
		assertThat(cosigned.signatures()).extracting(NoteSignature::keyName)
			.containsExactly("localhost/truce", SIDE_A, SIDE_B);
		assertThat(new CosignaturePolicy(
				Set.of(VerifierKey.parse(this.verifierKeyA), VerifierKey.parse(this.verifierKeyB)))
			.isFinal(cosigned)).isTrue();

		CommandLineRun nothing = witness(this.keyA, stateA, this.truce.baseUri().toString());
		assertThat(nothing.exitCode()).isZero();
		assertThat(nothing.out()).contains("nothing new");

		postReports(2);
		long larger = checkpoint();
		assertThat(this.http.get("/ledger/checkpoint/status").json().get("final").asBoolean()).isFalse();
		CommandLineRun next = witness(this.keyA, stateA, this.truce.baseUri().toString());
		assertThat(next.exitCode()).as("%s", next).isZero();
		assertThat(next.out()).contains("cosigned checkpoint " + larger)
			.contains("proved consistent with checkpoint " + size);
		assertThat(this.http.get("/ledger/checkpoint/status?size=" + size).json().get("final").asBoolean()).isTrue();
		assertThat(this.http.get("/ledger/checkpoint/status?size=1000000").status()).isEqualTo(404);
	}

	@SlowTest
	@Test
	void aWitnessRefusesALogThatShowsItAForkAndKeepsTheEvidence() throws Exception {
		Path state = this.home.resolve("fork/side-a.state");
		postReports(3);
		long size = checkpoint();
		assertThat(witness(this.keyA, state, this.truce.baseUri().toString()).exitCode()).isZero();
		String cosigned = Files.readString(state);

		// The same log key and origin, other entries: what a log showing one side a
		// different history would look like.
		Path forkData = Files.createDirectories(this.home.resolve("fork-log"));
		Files.copy(this.truce.dataDir().resolve("ledger.key"), forkData.resolve("ledger.key"));
		try (RunningTruce fork = RunningTruce.sqliteIn(forkData, true,
				Map.of("truce.ledger.checkpoint-seconds", "3600"))) {
			String forkUrl = fork.baseUri().toString();
			assertThat(new Http(fork.baseUri()).get("/ledger/key").json().get("verifierKey").asString())
				.isEqualTo(logKey());

			append(fork, 0, size - 1);
			assertRefused(witness(this.keyA, state, forkUrl), "smaller tree");
			append(fork, size - 1, size);
			assertRefused(witness(this.keyA, state, forkUrl), "two different trees of the same size");
			append(fork, size, size + 2);
			CommandLineRun looping = truce("witness", "--key", this.keyA.toString(), "--server", forkUrl, "--log-key",
					logKey(), "--state", state.toString(), "--every", "1");
			assertRefused(looping, "does not extend the one this witness cosigned");

			assertThat(Files.readString(state)).isEqualTo(cosigned);
			assertThat(new Http(fork.baseUri()).get("/ledger/checkpoint").body()).doesNotContain(SIDE_A);
			JsonNode status = new Http(fork.baseUri()).get("/ledger/checkpoint/status").json();
			assertThat(status.get("final").asBoolean()).isFalse();
			assertThat(status.get("cosigners").size()).isZero();
			assertThat(status.get("detail").asString()).contains("No witnesses are configured");
		}
		List<Path> evidence = evidenceBeside(state);
		assertThat(evidence).hasSize(3);
		for (Path file : evidence) {
			assertThat(Files.readString(file)).contains(cosigned)
				.contains("== The checkpoint the log serves now ==")
				.contains(logKey());
		}
		assertThat(evidence.stream().map(this::read).filter((t) -> t.contains("== The consistency proof"))).hasSize(1);

		postReports(1);
		checkpoint();
		assertThat(witness(this.keyA, state, this.truce.baseUri().toString()).exitCode())
			.as("the true log, still consistent, is cosigned again")
			.isZero();
	}

	@Test
	void aStateFileWhoseCheckpointWasAlteredIsRefused() throws IOException {
		Path state = this.home.resolve("altered/side-a.state");
		postReports(1);
		checkpoint();
		assertThat(witness(this.keyA, state, this.truce.baseUri().toString()).exitCode()).isZero();
		String[] lines = Files.readString(state).split("\n", -1);
		lines[2] = StandardBase64.encode(MerkleHashes.sha256(new byte[] { 1 }));
		Files.writeString(state, String.join("\n", lines));
		postReports(1);
		checkpoint();

		CommandLineRun run = witness(this.keyA, state, this.truce.baseUri().toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("VERIFICATION FAILED")
			.contains("state does not hold a checkpoint of localhost/truce signed by the log key");
	}

	@Test
	void aServerThatCannotBeReachedExitsWithThreeAndOneThatRefusesTheWitnessToo() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		CommandLineRun unreachable = witness(this.keyA, this.home.resolve("nowhere.state"),
				"http://127.0.0.1:" + closedPort + "/");
		assertThat(unreachable.exitCode()).as("%s", unreachable).isEqualTo(3);
		assertThat(unreachable.err()).contains("cannot reach http://127.0.0.1:" + closedPort + "/ledger/checkpoint");

		Path stranger = this.home.resolve("stranger.key");
		newWitnessKey("witness.stranger.example", stranger);
		postReports(1);
		checkpoint();
		Path state = this.home.resolve("stranger.state");
		CommandLineRun refused = witness(stranger, state, this.truce.baseUri().toString());
		assertThat(refused.exitCode()).as("%s", refused).isEqualTo(3);
		assertThat(refused.err()).contains("refused the cosignature").contains("truce.ledger.witnesses");
		assertThat(state).doesNotExist();
	}

	@Test
	void twoRunsOfOneWitnessNeverInterleave() throws Exception {
		Path state = this.home.resolve("locked/side-a.state");
		try (AutoCloseable held = new WitnessStateFile(state, Clock.systemUTC()).tryLock().orElseThrow()) {
			CommandLineRun run = witness(this.keyA, state, this.truce.baseUri().toString());
			assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
			assertThat(run.err()).contains("another run of this witness holds " + state + ".lock");
		}
		assertThat(witness(this.keyA, state, this.truce.baseUri().toString()).exitCode()).isZero();
	}

	@Test
	void usageErrorsExitWithTwo() throws IOException {
		String url = this.truce.baseUri().toString();
		assertThat(truce("witness", "--key", this.keyA.toString(), "--log-key", logKey()).err())
			.contains("give --key FILE, --server URL and --log-key VKEY");
		assertThat(truce("witness", "--key", this.keyA.toString(), "--server", url, "--log-key", "nonsense").exitCode())
			.isEqualTo(2);
		assertThat(
				truce("witness", "--key", this.keyA.toString(), "--server", url, "--log-key", this.verifierKeyB).err())
			.contains("is not a log key");
		assertThat(truce("witness", "--key", this.home.resolve("none.key").toString(), "--server", url, "--log-key",
				logKey())
			.err()).contains("no such key file");
		Path logKeyFile = this.truce.dataDir().resolve("ledger.key");
		CommandLineRun notACosigner = truce("witness", "--key", logKeyFile.toString(), "--server", url, "--log-key",
				logKey());
		assertThat(notACosigner.exitCode()).isEqualTo(2);
		assertThat(notACosigner.err()).contains("is not a cosigner key");
		assertThat(truce("witness", "--key", this.keyA.toString(), "--server", "ftp://x/", "--log-key", logKey())
			.exitCode()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- helpers

	private CommandLineRun witness(Path key, Path state, String server) {
		return truce("witness", "--key", key.toString(), "--server", server, "--log-key", logKey(), "--state",
				state.toString());
	}

	private String logKey() {
		return this.http.get("/ledger/key").json().get("verifierKey").asString();
	}

	private void postReports(int n) {
		for (int i = 0; i < n; i++) {
			this.reports++;
			String body = """
					{"eventType": "Armed clash", "when": {"start": "2016-09-%02d"},
					 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged", "externalId": "w-%d"}
					""".formatted(1 + this.reports % 28, this.reports);
			Http.Response response = this.http.postJson("/api/reports", body);
			assertThat(response.status()).as("%s", response).isEqualTo(201);
		}
	}

	private long checkpoint() {
		this.truce.bean(Checkpointing.class).checkpoint();
		return this.truce.bean(Checkpointing.class).latestSize().orElseThrow();
	}

	private static void append(RunningTruce log, long from, long to) {
		List<LedgerEntry> entries = new ArrayList<>();
		for (long i = from; i < to; i++) {
			entries.add(new LedgerEntry("test", "forked-" + i, Map.of("n", i)));
		}
		log.bean(Ledger.class).append(entries);
		assertThat(log.bean(Checkpointing.class).checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
	}

	private static void assertRefused(CommandLineRun run, String why) {
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.err()).contains("!!! FORK: THE LOG CONTRADICTS A CHECKPOINT THIS WITNESS COSIGNED !!!")
			.contains(why)
			.contains("Not cosigned. Evidence kept in ");
	}

	private static List<String> states(JsonNode status) {
		List<String> states = new ArrayList<>();
		status.get("cosigners").forEach((c) -> states.add(c.get("name").asString() + "=" + c.get("state").asString()));
		return states;
	}

	private static List<Path> evidenceBeside(Path state) throws IOException {
		try (Stream<Path> files = Files.list(state.getParent())) {
			return files.filter((f) -> f.getFileName().toString().startsWith(state.getFileName() + ".evidence-"))
				.sorted()
				.toList();
		}
	}

	private String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
