package org.truce.ledger.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ProcessTest;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger survives SIGKILL. The real {@code truce serve}, in a separate JVM signing a
 * checkpoint every second, is killed again and again while several clients post reports;
 * after each restart on the same data directory, everything is checked over HTTP as an
 * auditor would: every acknowledged report is in the record and in the signed tree, the
 * tree recomputed from {@code /ledger/entries} has the newest checkpoint's root, and
 * every checkpoint seen before any kill is signed by the same key and proved consistent
 * with the newest.
 */
@ProcessTest
class KillingTheServerDuringIntakeKeepsTheLedgerVerifiableTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int KILLS = 4;

	private static final int THREADS = 6;

	private static final int ACKNOWLEDGED_PER_ROUND = 60;

	@TempDir
	Path dir;

	/** A monitor's API token, added to the store before the server starts. */
	private String token;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	private final Set<String> checkpointsSeen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger cutOffInFlight = new AtomicInteger();

	private final AtomicInteger next = new AtomicInteger();

	private String verifierKey;

	private String origin;

	@Test
	void afterEverySigkillTheLedgerVerifiesAndIsConsistentWithEveryEarlierCheckpoint() throws Exception {
		try (RunningTruce store = RunningTruce.sqliteIn(this.dir, false)) {
			store.bean(Sources.class).save(ReportFixture.ucdp());
			this.token = store.token("monitor");
		}
		Instant started = Instant.now();
		for (int round = 0; round <= KILLS; round++) {
			ServerProcess server = serve("round-" + round);
			int port = server.port();
			try {
				Http http = new Http(URI.create("http://127.0.0.1:" + port)).withToken(this.token);
				if (round > 0) {
					auditAfterRestart(http, round);
				}
				if (round < KILLS) {
					postUntilKilled(port, server);
				}
			}
			finally {
				server.kill();
			}
		}
		assertThat(this.cutOffInFlight.get()).as("requests cut off in flight by the kills").isPositive();
		System.out.printf("kill test: %d kills, %d acknowledged, %d checkpoints seen, %d cut off in flight, %s%n",
				KILLS, this.acknowledged.size(), this.checkpointsSeen.size(), this.cutOffInFlight.get(),
				Duration.between(started, Instant.now()));
	}

	/** Posts from several threads, watching the checkpoint, and kills the server. */
	private void postUntilKilled(int port, ServerProcess server) throws Exception {
		int before = this.acknowledged.size();
		int checkpointsBefore = this.checkpointsSeen.size();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
		try {
			List<Future<Void>> posting = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				posting.add(threads.submit(() -> {
					while (!killed.get()) {
						int n = this.next.getAndIncrement();
						try {
							HttpResponse<String> response = this.client.send(report(port, n),
									HttpResponse.BodyHandlers.ofString());
							assertThat(response.statusCode()).as("report %d: %s", n, response.body()).isEqualTo(201);
							this.acknowledged.put(id(response), narrative(n));
						}
						catch (IOException ex) {
							if (killed.get() && !(ex instanceof ConnectException)) {
								this.cutOffInFlight.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			Future<Void> watching = threads.submit(() -> {
				while (!killed.get()) {
					try {
						HttpResponse<String> response = this.client.send(get(port, "/ledger/checkpoint"),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() == 200) {
							this.checkpointsSeen.add(response.body());
						}
					}
					catch (IOException ex) {
						// killed
					}
					Thread.sleep(100);
				}
				return null;
			});
			Instant deadline = Instant.now().plusSeconds(30);
			while ((this.acknowledged.size() - before < ACKNOWLEDGED_PER_ROUND
					|| this.checkpointsSeen.size() == checkpointsBefore) && Instant.now().isBefore(deadline)) {
				for (Future<Void> f : posting) {
					if (f.isDone()) {
						f.get();
					}
				}
				Thread.sleep(5);
			}
			killed.set(true);
			assertThat(server.kill()).isTrue();
			threads.shutdown();
			assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
			for (Future<Void> f : posting) {
				f.get();
			}
			watching.get();
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.acknowledged.size() - before).as("acknowledged in this round; server: %s", serverLog())
			.isGreaterThanOrEqualTo(ACKNOWLEDGED_PER_ROUND);
		assertThat(this.checkpointsSeen.size()).as("a checkpoint signed during intake")
			.isGreaterThan(checkpointsBefore);
	}

	/**
	 * What an auditor checks after a restart, over HTTP only.
	 */
	private void auditAfterRestart(Http http, int round) {
		JsonNode key = http.get("/ledger/key").json();
		if (this.verifierKey == null) {
			this.verifierKey = key.get("verifierKey").asString();
			this.origin = key.get("origin").asString();
		}
		assertThat(key.get("verifierKey").asString()).as("the log's key after restart %d", round)
			.isEqualTo(this.verifierKey);
		VerifierKey logKey = VerifierKey.parse(this.verifierKey);

		List<Checkpoint> earlier = new ArrayList<>();
		long largestEarlier = 0;
		for (String note : this.checkpointsSeen) {
			Checkpoint c = verified(note, logKey);
			earlier.add(c);
			largestEarlier = Math.max(largestEarlier, c.size());
		}

		// The restarted server signs a checkpoint of everything that was committed.
		Checkpoint newest = null;
		Instant deadline = Instant.now().plusSeconds(20);
		while (Instant.now().isBefore(deadline)) {
			Http.Response response = http.get("/ledger/checkpoint");
			if (response.status() == 200) {
				newest = verified(response.body(), logKey);
				if (newest.size() >= Math.max(largestEarlier, this.acknowledged.size())
						&& http.get("/ledger/entries?start=" + newest.size() + "&end=" + (newest.size() + 1))
							.status() == 400) {
					break;
				}
			}
			sleep(200);
		}
		assertThat(newest).isNotNull();
		long size = newest.size();
		assertThat(size).as("the newest checkpoint covers every acknowledged report")
			.isGreaterThanOrEqualTo(this.acknowledged.size());

		// Recompute the tree from the entries, as served.
		MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
		Set<String> subjects = new HashSet<>();
		for (long start = 0; start < size; start += 1000) {
			long end = Math.min(size, start + 1000);
			JsonNode page = http.get("/ledger/entries?start=" + start + "&end=" + end).json();
			assertThat(page.size()).isEqualTo((int) (end - start));
			List<byte[]> leaves = new ArrayList<>();
			for (int i = 0; i < page.size(); i++) {
				JsonNode entry = page.get(i);
				assertThat(entry.get("index").asLong()).isEqualTo(start + i);
				byte[] leaf = MerkleHashes.leafHash(entry.get("entry").asString().getBytes(StandardCharsets.UTF_8));
				assertThat(StandardBase64.encode(leaf)).as("leaf %d", start + i)
					.isEqualTo(entry.get("leafHash").asString());
				leaves.add(leaf);
				subjects.add(entry.get("subject").asString());
			}
			tree.appendAll(leaves);
		}
		assertThat(tree.root()).as("the tree recomputed from %d entries", size).isEqualTo(newest.rootHash());

		// Every acknowledged report is in the record and in the signed tree.
		assertThat(subjects).containsAll(this.acknowledged.keySet());
		for (Map.Entry<String, String> ack : this.acknowledged.entrySet()) {
			Http.Response read = http.get("/api/reports/" + ack.getKey());
			assertThat(read.status()).as("acknowledged report %s", ack.getKey()).isEqualTo(200);
			assertThat(read.json().get("narrative").asString()).isEqualTo(ack.getValue());
		}

		// Every checkpoint seen before is consistent with the newest one.
		for (Checkpoint old : earlier) {
			JsonNode response = http.get("/ledger/proof/consistency?from=" + old.size() + "&to=" + size).json();
			List<byte[]> proof = new ArrayList<>();
			for (int i = 0; i < response.get("proof").size(); i++) {
				proof.add(StandardBase64.decode(response.get("proof").get(i).asString()));
			}
			ProofVerdict verdict = ProofVerifier.verifyConsistency(old.size(), size, old.rootHash(), newest.rootHash(),
					proof);
			assertThat(verdict.valid())
				.as("checkpoint %d consistent with %d after restart %d: %s", old.size(), size, round, verdict)
				.isTrue();
		}
	}

	private Checkpoint verified(String note, VerifierKey key) {
		CheckpointVerdict verdict = Checkpoint.verify(note, this.origin, key);
		assertThat(verdict.verified()).as("%s: %s", verdict, note).isTrue();
		return ((CheckpointVerdict.Verified) verdict).checkpoint();
	}

	private HttpRequest report(int port, int n) {
		String body = """
				{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
				 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged", "narrative": "%s"}
				""".formatted(narrative(n));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "ledger-kill-" + n)
			.header("Authorization", "Bearer " + this.token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpRequest get(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
	}

	private static String id(HttpResponse<String> response) {
		return JSON.readTree(response.body()).get("id").asString();
	}

	private static String narrative(int n) {
		return "report " + n + " of the ledger kill test";
	}

	/**
	 * {@code truce serve} in its own JVM, on this test's classpath, signing a checkpoint
	 * every second.
	 */
	private ServerProcess serve(String name) throws IOException, InterruptedException {
		return ServerProcess.start(List.of("--data", this.dir.toString()),
				List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dtruce.ledger.checkpoint-seconds=1"),
				this.dir.resolve(name + "-server.log"), Duration.ofMinutes(1));
	}

	private String serverLog() {
		try (var files = Files.list(this.dir)) {
			StringBuilder out = new StringBuilder();
			for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
				out.append(p.getFileName()).append(":\n").append(Files.readString(p));
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
