package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LogIdentity;
import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.VerifierKey;
import org.truce.report.application.RecordingReports;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.testing.PostgresTest;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one PostgreSQL schema, as behind a load balancer, append
 * reports at the same time from many threads each and sign checkpoints every second (and
 * whenever a thread asks). They still keep one ledger: every entry has one index, with no
 * gap and no repeat, the tree over the stored entries has the root both instances
 * compute, and every checkpoint either instance signed is consistent with every other.
 * Both share the data directory, so they sign with one key. Skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class TwoInstancesOnOnePostgresKeepOneLedgerTest {

	private static final int THREADS = 8;

	private static final int BATCHES_PER_THREAD = 25;

	@TempDir
	Path data;

	@Test
	void concurrentAppendsFromTwoInstancesMakeOneConsistentLedger() throws Exception {
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema()) {
			Map<String, Object> properties = Map.of("truce.ledger.checkpoint-seconds", "1");
			try (RunningTruce a = RunningTruce.postgresOn(schema, this.data, false, properties);
					RunningTruce b = RunningTruce.postgresOn(schema, this.data, false, properties)) {
				a.bean(Sources.class).save(ReportFixture.ucdp());
				List<RunningTruce> instances = List.of(a, b);

				Set<String> appended = ConcurrentHashMap.newKeySet();
				Map<String, RunningTruce> signedNotes = new ConcurrentHashMap<>();
				AtomicBoolean appending = new AtomicBoolean(true);
				ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS + 2);
				try {
					CyclicBarrier start = new CyclicBarrier(2 * THREADS);
					List<Future<?>> writers = new ArrayList<>();
					for (RunningTruce instance : instances) {
						RecordingReports recording = instance.bean(RecordingReports.class);
						for (int t = 0; t < THREADS; t++) {
							int thread = t;
							writers.add(pool.submit(() -> {
								start.await();
								for (int k = 0; k < BATCHES_PER_THREAD; k++) {
									List<Reports.NewReport> batch = new ArrayList<>();
									for (int r = 0; r <= (thread + k) % 4; r++) {
										batch.add(ReportFixture.unkeyed(ReportFixture.report()
											.narrative(instance + " thread " + thread + " batch " + k + " #" + r)
											.build()));
									}
									for (Reports.Appended done : recording.append(batch)) {
										assertThat(done.created()).isTrue();
										assertThat(appended.add(done.report().id().toString())).isTrue();
									}
								}
								return null;
							}));
						}
					}
					List<Future<?>> signers = new ArrayList<>();
					for (RunningTruce instance : instances) {
						Checkpointing checkpointing = instance.bean(Checkpointing.class);
						signers.add(pool.submit(() -> {
							while (appending.get()) {
								checkpointing.checkpoint();
								checkpointing.latest().ifPresent(note -> signedNotes.put(note, instance));
								Thread.sleep(20);
							}
							return null;
						}));
					}
					for (Future<?> writer : writers) {
						writer.get(3, TimeUnit.MINUTES);
					}
					appending.set(false);
					for (Future<?> signer : signers) {
						signer.get(1, TimeUnit.MINUTES);
					}
				}
				finally {
					pool.shutdownNow();
				}
				for (RunningTruce instance : instances) {
					instance.bean(Checkpointing.class).checkpoint();
					instance.bean(Checkpointing.class).latest().ifPresent(note -> signedNotes.put(note, instance));
				}

				long n = appended.size();
				assertThat(n).isGreaterThan(THREADS * BATCHES_PER_THREAD * 2L);
				JdbcClient jdbc = a.jdbc();
				assertThat(a.bean(Ledger.class).size()).isEqualTo(n);
				assertThat(b.bean(Ledger.class).size()).isEqualTo(n);
				assertThat(jdbc.sql("SELECT idx FROM ledger_entries ORDER BY idx").query(Long.class).list())
					.as("indices 0..n-1, each once")
					.containsExactlyElementsOf(LongStream.range(0, n).boxed().toList());
				assertThat(jdbc.sql("SELECT subject FROM ledger_entries").query(String.class).list())
					.containsExactlyInAnyOrderElementsOf(appended);
				assertThat(jdbc.sql("SELECT count(*) FROM reports").query(Long.class).single()).isEqualTo(n);

				MerkleTree recomputed = new MerkleTree(new InMemoryNodeStore());
				recomputed.appendAll(a.bean(Ledger.class)
					.entries(0, n)
					.stream()
					.map(e -> MerkleHashes.leafHash(e.canonicalJson().getBytes(StandardCharsets.UTF_8)))
					.toList());
				assertThat(a.bean(Ledger.class).root(n)).isEqualTo(recomputed.root());
				assertThat(b.bean(Ledger.class).root(n)).isEqualTo(recomputed.root());

				VerifierKey key = a.bean(LogIdentity.class).verifierKey();
				assertThat(b.bean(LogIdentity.class).verifierKey()).as("one key for both instances").isEqualTo(key);
				String origin = a.bean(LogIdentity.class).origin();
				List<Checkpoint> checkpoints = new ArrayList<>();
				Set<RunningTruce> signers = new HashSet<>();
				for (Map.Entry<String, RunningTruce> signed : signedNotes.entrySet()) {
					CheckpointVerdict verdict = Checkpoint.verify(signed.getKey(), origin, key);
					assertThat(verdict.verified()).as("%s from %s", verdict, signed.getValue()).isTrue();
					checkpoints.add(((CheckpointVerdict.Verified) verdict).checkpoint());
					signers.add(signed.getValue());
				}
				List<Long> storedSizes = jdbc.sql("SELECT size FROM ledger_checkpoints ORDER BY size")
					.query(Long.class)
					.list();
				for (long size : storedSizes) {
					checkpoints
						.add(Checkpoint.parse(Note.parse(a.bean(Checkpointing.class).at(size).orElseThrow()).text()));
				}
				assertThat(signers).as("checkpoints seen from both instances").hasSize(2);
				assertThat(storedSizes).last().isEqualTo(n);
				assertThat(checkpoints.stream().map(Checkpoint::size).distinct().count()).isGreaterThan(2);
				Map<Long, Checkpoint> bySize = new TreeMap<>();
				for (Checkpoint c : checkpoints) {
					Checkpoint same = bySize.putIfAbsent(c.size(), c);
					assertThat(same == null || MerkleHashes.same(same.rootHash(), c.rootHash()))
						.as("two checkpoints of size %d with different roots", c.size())
						.isTrue();
				}
				List<Checkpoint> sorted = List.copyOf(bySize.values());
				Checkpoint newest = sorted.get(sorted.size() - 1);
				assertThat(newest.rootHash()).isEqualTo(recomputed.root());
				for (int i = 0; i + 1 < sorted.size(); i++) {
					RunningTruce prover = i % 2 == 0 ? a : b;
					assertConsistent(prover, sorted.get(i), sorted.get(i + 1));
					assertConsistent(prover, sorted.get(i), newest);
				}
				System.out.printf("two instances: %d entries, %d checkpoints stored, %d distinct notes seen%n", n,
						storedSizes.size(), signedNotes.size());
			}
		}
	}

	private static void assertConsistent(RunningTruce prover, Checkpoint older, Checkpoint newer) {
		List<byte[]> proof = prover.bean(Ledger.class).consistencyProof(older.size(), newer.size());
		ProofVerdict verdict = ProofVerifier.verifyConsistency(older.size(), newer.size(), older.rootHash(),
				newer.rootHash(), proof);
		assertThat(verdict.valid()).as("%d consistent with %d: %s", older.size(), newer.size(), verdict).isTrue();
	}

}
