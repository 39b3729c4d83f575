package org.truce.ledger.infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.ReferenceMerkle;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Cosigning;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.application.LogIdentity;
import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.Cosignature;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the ledger's store must do, on each real store: the tree it grows from batches of
 * entries is the tree an in-memory {@link MerkleTree} grows from the same leaves, its
 * proofs verify, entries read back byte for byte, checkpoints and cosignatures are kept,
 * and an append whose transaction rolls back leaves no trace. The scheduled checkpoints
 * are switched off (an hour apart) so that the tests decide when to sign.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerStoreContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcLedgerStore.class, JdbcDisclosures.class, LedgerConfiguration.class,
			Ledger.class, Checkpointing.class, Cosigning.class };

	static final SignerKey SIDE_A = SignerKey.generate("witness.side-a.example", SignatureType.COSIGNATURE_V1);

	static final SignerKey SIDE_B = SignerKey.generate("witness.side-b.example", SignatureType.COSIGNATURE_V1);

	/** Properties of the store under test: no scheduled checkpoint, two witnesses. */
	static final Map<String, Object> PROPERTIES = Map.of("truce.ledger.checkpoint-seconds", "3600",
			"truce.ledger.witnesses", SIDE_A.verifierKey().encoded() + "," + SIDE_B.verifierKey().encoded());

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Ledger ledger;

	private LedgerStore store;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyLedger() {
		this.truce = this.started.get();
		this.ledger = this.truce.bean(Ledger.class);
		this.store = this.truce.bean(LedgerStore.class);
		JdbcClient jdbc = this.truce.jdbc();
		jdbc.sql("DELETE FROM ledger_cosignatures").update();
		jdbc.sql("DELETE FROM ledger_checkpoints").update();
		jdbc.sql("DELETE FROM ledger_entries").update();
		jdbc.sql("DELETE FROM ledger_nodes").update();
		jdbc.sql("UPDATE ledger_state SET size = 0").update();
	}

	@Test
	void batchesOfEntriesGrowTheTreeAnInMemoryTreeGrowsFromTheSameLeaves() {
		MerkleTree memory = new MerkleTree(new InMemoryNodeStore());
		Random random = new Random(42);
		int[] batches = { 1, 1, 2, 5, 8, 16, 31, 64, 100, 257, 3, 500, 1 };
		int n = 0;
		for (int batch : batches) {
			List<LedgerEntry> entries = new ArrayList<>();
			for (int i = 0; i < batch; i++) {
				entries.add(entry(n + i, random));
			}
			long first = this.ledger.append(entries);
			assertThat(first).isEqualTo(n);
			memory.appendAll(entries.stream().map(e -> MerkleHashes.leafHash(e.canonicalBytes())).toList());
			n += batch;
			assertThat(this.ledger.size()).isEqualTo(n);
			assertThat(this.ledger.root(n)).as("root of %d", n).isEqualTo(memory.root(n));
		}
		for (int size = 0; size <= n; size += 1 + random.nextInt(40)) {
			assertThat(this.ledger.root(size)).as("root of %d", size).isEqualTo(memory.root(size));
		}
		// And against RFC 6962 written out recursively, on the leaves as stored.
		List<byte[]> leaves = this.ledger.entries(0, n).stream().map(LedgerStore.StoredEntry::leafHash).toList();
		for (int k = 0; k < 20; k++) {
			int size = 1 + random.nextInt(n);
			int index = random.nextInt(size);
			int size1 = 1 + random.nextInt(size);
			List<byte[]> prefix = leaves.subList(0, size);
			assertThat(this.ledger.root(size)).isEqualTo(ReferenceMerkle.mth(prefix));
			assertThat(this.ledger.inclusionProof(index, size))
				.usingElementComparator(LedgerStoreContract::compareHashes)
				.containsExactlyElementsOf(ReferenceMerkle.path(index, prefix));
			if (size1 < size) {
				assertThat(this.ledger.consistencyProof(size1, size))
					.usingElementComparator(LedgerStoreContract::compareHashes)
					.containsExactlyElementsOf(ReferenceMerkle.proof(size1, prefix));
			}
		}
		for (int k = 0; k < 60; k++) {
			int size = 1 + random.nextInt(n);
			int index = random.nextInt(size);
			List<byte[]> proof = this.ledger.inclusionProof(index, size);
			assertThat(proof).as("inclusion of %d in %d", index, size)
				.usingElementComparator(LedgerStoreContract::compareHashes)
				.containsExactlyElementsOf(memory.inclusionProof(index, size));
			assertThat(ProofVerifier
				.verifyInclusion(index, size, this.ledger.entries(index, index + 1).get(0).leafHash(), proof,
						memory.root(size))
				.valid()).as("inclusion of %d in %d verifies", index, size).isTrue();
			int size1 = random.nextInt(size + 1);
			List<byte[]> consistency = this.ledger.consistencyProof(size1, size);
			assertThat(ProofVerifier.verifyConsistency(size1, size, memory.root(size1), memory.root(size), consistency)
				.valid()).as("consistency of %d with %d verifies", size1, size).isTrue();
		}
	}

	@Test
	void entriesReadBackByteForByteWithTheirKindSubjectAndLeafHash() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("narrative", "Barrel bombs on Dar\u00e2\u00e2 \u2014 \"two\" killed\n\ttabs, \\ slashes, \u0000 nul");
		body.put("arabic", "\u062d\u0644\u0628");
		body.put("emoji", "\ud83d\udd4a");
		body.put("numbers", List.of(0, -1, 1.5, 1e21, 123456789012345L));
		body.put("nothing", null);
		body.put("yes", true);
		List<LedgerEntry> entries = List.of(new LedgerEntry("report", "r-1", body),
				new LedgerEntry("import", null, Map.of("file", "ged.csv")),
				new LedgerEntry("agreement-version", "coh@2", Map.of("b", 2, "a", 1)));
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.ledger.append(entries);

		List<LedgerStore.StoredEntry> stored = this.ledger.entries(0, 3);
		assertThat(stored).hasSize(3);
		for (int i = 0; i < 3; i++) {
			LedgerStore.StoredEntry e = stored.get(i);
			byte[] bytes = e.canonicalJson().getBytes(StandardCharsets.UTF_8);
			assertThat(e.index()).isEqualTo(i);
			assertThat(bytes).isEqualTo(entries.get(i).canonicalBytes());
			assertThat(e.leafHash()).isEqualTo(MerkleHashes.leafHash(bytes));
			assertThat(e.kind()).isEqualTo(entries.get(i).kind());
			assertThat(e.subject()).isEqualTo(entries.get(i).subject());
			assertThat(e.appendedAt()).isAfterOrEqualTo(before.minusSeconds(1));
		}
		assertThat(stored.get(2).canonicalJson())
			.isEqualTo("{\"body\":{\"a\":1,\"b\":2},\"kind\":\"agreement-version\",\"subject\":\"coh@2\"}");
		assertThat(this.ledger.entries(1, 2)).singleElement()
			.satisfies(e -> assertThat(e.canonicalJson()).isEqualTo(stored.get(1).canonicalJson()));
		assertThat(this.ledger.entries(3, 10)).isEmpty();
	}

	@Test
	void entriesAreFoundByLeafHashAndTheLatestOneByKindAndSubject() {
		LedgerEntry first = new LedgerEntry("report", "r-1", Map.of("v", 1));
		LedgerEntry other = new LedgerEntry("report", "r-2", Map.of("v", 1));
		LedgerEntry second = new LedgerEntry("report", "r-1", Map.of("v", 2));
		LedgerEntry published = new LedgerEntry("publication", "r-1", Map.of("by", "x"));
		this.ledger.append(List.of(first, other));
		this.ledger.append(List.of(second, first, published));

		assertThat(this.ledger.indexOfLeafHash(MerkleHashes.leafHash(first.canonicalBytes()))).contains(0L);
		assertThat(this.ledger.indexOfLeafHash(MerkleHashes.leafHash(second.canonicalBytes()))).contains(2L);
		assertThat(this.ledger.indexOfLeafHash(new byte[32])).isEmpty();
		assertThat(this.ledger.indexOf("report", "r-1")).contains(3L);
		assertThat(this.ledger.indexOf("publication", "r-1")).contains(4L);
		assertThat(this.ledger.indexOf("report", "r-2")).contains(1L);
		assertThat(this.ledger.indexOf("report", "r-3")).isEmpty();
	}

	@Test
	void checkpointsAreStoredOncePerSizeAndTheLargestIsTheLatest() {
		byte[] root = MerkleHashes.sha256("a root".getBytes(StandardCharsets.UTF_8));
		Instant at = Instant.parse("2016-09-19T20:00:00Z");
		assertThat(this.store.latestCheckpoint()).isEmpty();
		assertThat(this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(5, root, "note of 5\n", at))).isTrue();
		assertThat(this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(9, root, "note of 9\n", at))).isTrue();
		assertThat(this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(7, root, "note of 7\n", at))).isTrue();
		assertThat(this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(5, new byte[32], "other\n", at)))
			.isFalse();

		assertThat(this.store.latestCheckpoint()).get().satisfies(c -> {
			assertThat(c.size()).isEqualTo(9);
			assertThat(c.note()).isEqualTo("note of 9\n");
		});
		assertThat(this.store.checkpoint(5)).get().satisfies(c -> {
			assertThat(c.root()).isEqualTo(root);
			assertThat(c.note()).isEqualTo("note of 5\n");
			assertThat(c.signedAt()).isEqualTo(at);
		});
		assertThat(this.store.checkpoint(6)).isEmpty();
	}

	@Test
	void cosignaturesAreStoredPerCheckpointAndWitnessTheLatestReplacingAnEarlierOne() {
		byte[] root = MerkleHashes.sha256("a root".getBytes(StandardCharsets.UTF_8));
		Instant at = Instant.parse("2016-09-19T20:00:00Z");
		this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(3, root, "n\n", at));
		this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(4, root, "n\n", at));
		this.store.addCosignature(3, "zeta", "\u2014 zeta AAAA\n", at);
		this.store.addCosignature(3, "alpha", "\u2014 alpha BBBB\n", at);
		this.store.addCosignature(3, "alpha", "\u2014 alpha CCCC\n", at.plusSeconds(1));
		this.store.addCosignature(4, "alpha", "\u2014 alpha DDDD\n", at);

		assertThat(this.store.cosignatures(3)).containsExactly("\u2014 alpha CCCC\n", "\u2014 zeta AAAA\n");
		assertThat(this.store.cosignatures(4)).containsExactly("\u2014 alpha DDDD\n");
		assertThat(this.store.cosignatures(5)).isEmpty();
	}

	@Test
	void theLogSignsCheckpointsOfItsTreeAndServesThemWithTheWitnessesCosignatures() {
		Checkpointing checkpointing = this.truce.bean(Checkpointing.class);
		LogIdentity identity = this.truce.bean(LogIdentity.class);
		assertThat(checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.NOTHING_NEW);
		this.ledger.append(List.of(entry(0, new Random(1)), entry(1, new Random(2)), entry(2, new Random(3))));
		assertThat(checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
		assertThat(checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.NOTHING_NEW);

		String signed = checkpointing.latest().orElseThrow();
		CheckpointVerdict verdict = Checkpoint.verify(signed, identity.origin(), identity.verifierKey());
		assertThat(verdict.verified()).as("%s", verdict).isTrue();
		Checkpoint checkpoint = ((CheckpointVerdict.Verified) verdict).checkpoint();
		assertThat(checkpoint.size()).isEqualTo(3);
		assertThat(checkpoint.rootHash()).isEqualTo(this.ledger.root(3));

		Note note = Note.parse(signed);
		this.truce.bean(Cosigning.class).accept(Cosignature.cosign(note, SIDE_B, 1_700_000_000L).encoded());
		String cosigned = checkpointing.at(3).orElseThrow();
		assertThat(Note.parse(cosigned).signatures()).hasSize(2);
		assertThat(Note.parse(cosigned).verify(List.of(SIDE_B.verifierKey())).verified()).isTrue();
		assertThat(this.store.cosignatures(3)).hasSize(1);

		SignerKey stranger = SignerKey.generate("witness.side-a.example", SignatureType.COSIGNATURE_V1);
		assertThatThrownBy(() -> this.truce.bean(Cosigning.class)
			.accept(Cosignature.cosign(note, stranger, 1_700_000_000L).encoded()))
			.hasMessageContaining("no valid cosignature");
		assertThat(this.store.cosignatures(3)).hasSize(1);
	}

	@Test
	void anAppendWhoseTransactionRollsBackLeavesNoEntryNodeOrSize() {
		Random random = new Random(5);
		this.ledger.append(List.of(entry(0, random), entry(1, random), entry(2, random)));
		byte[] root = this.ledger.root(3);
		Counts before = counts();
		TransactionTemplate tx = this.truce.bean(TransactionTemplate.class);

		tx.executeWithoutResult(status -> {
			long first = this.ledger.append(List.of(entry(3, random), entry(4, random), entry(5, random)));
			assertThat(first).isEqualTo(3);
			assertThat(this.ledger.size()).as("inside the transaction").isEqualTo(6);
			status.setRollbackOnly();
		});
		assertThat(counts()).isEqualTo(before);
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			this.ledger.append(List.of(entry(3, random)));
			throw new IllegalStateException("the projection failed");
		})).hasMessage("the projection failed");
		assertThat(counts()).isEqualTo(before);
		assertThat(this.ledger.size()).isEqualTo(3);
		assertThat(this.ledger.root(3)).isEqualTo(root);

		LedgerEntry next = entry(3, random);
		assertThat(this.ledger.append(List.of(next))).isEqualTo(3);
		assertThat(this.ledger.entries(3, 4).get(0).canonicalJson().getBytes(StandardCharsets.UTF_8))
			.isEqualTo(next.canonicalBytes());
		MerkleTree memory = new MerkleTree(new InMemoryNodeStore());
		memory.appendAll(this.ledger.entries(0, 4)
			.stream()
			.map(e -> MerkleHashes.leafHash(e.canonicalJson().getBytes(StandardCharsets.UTF_8)))
			.toList());
		assertThat(this.ledger.root(4)).isEqualTo(memory.root());
	}

	/**
	 * Four writers append batches of every size at once (some encoded on several threads,
	 * some one by one): each batch gets consecutive indices, the log has no gap and no
	 * entry twice, and its roots and proofs, read from the stored nodes, are those of an
	 * in-memory tree of the stored leaves.
	 */
	@Test
	void concurrentWritersLeaveNoGapNoDuplicateAndTheTreeOfTheStoredLeaves() throws Exception {
		int writers = 4;
		int batchesEach = 12;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
		List<java.util.concurrent.Future<List<long[]>>> done = new ArrayList<>();
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		for (int w = 0; w < writers; w++) {
			int writer = w;
			done.add(pool.submit(() -> {
				Random random = new Random(100 + writer);
				List<long[]> appended = new ArrayList<>();
				go.await();
				for (int b = 0; b < batchesEach; b++) {
					int size = 1 + random.nextInt(b % 3 == 0 ? 100 : 8);
					List<LedgerEntry> entries = new ArrayList<>(size);
					for (int i = 0; i < size; i++) {
						entries.add(entry(writer * 100_000 + b * 1000 + i, random));
					}
					appended.add(new long[] { this.ledger.append(entries), size, writer * 100_000 + b * 1000 });
				}
				return appended;
			}));
		}
		go.countDown();
		List<long[]> batches = new ArrayList<>();
		for (java.util.concurrent.Future<List<long[]>> f : done) {
			batches.addAll(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
		}
		pool.shutdown();
		long total = batches.stream().mapToLong(b -> b[1]).sum();
		assertThat(this.ledger.size()).isEqualTo(total);
		List<LedgerStore.StoredEntry> stored = this.ledger.entries(0, total);
		assertThat(stored).hasSize((int) total);
		for (int i = 0; i < total; i++) {
			assertThat(stored.get(i).index()).as("no gap").isEqualTo(i);
		}
		assertThat(stored.stream().map(LedgerStore.StoredEntry::subject).distinct().count()).as("no duplicate")
			.isEqualTo(total);
		batches.sort(java.util.Comparator.comparingLong(b -> b[0]));
		long next = 0;
		for (long[] b : batches) {
			assertThat(b[0]).as("batches do not overlap and leave no gap").isEqualTo(next);
			for (int i = 0; i < b[1]; i++) {
				assertThat(stored.get((int) (b[0] + i)).subject()).as("a batch's entries are consecutive")
					.isEqualTo("subject-" + (b[2] + i));
			}
			next += b[1];
		}
		MerkleTree memory = new MerkleTree(new InMemoryNodeStore());
		memory.appendAll(stored.stream()
			.map(e -> MerkleHashes.leafHash(e.canonicalJson().getBytes(StandardCharsets.UTF_8)))
			.toList());
		Random random = new Random(7);
		for (int k = 0; k < 40; k++) {
			long size = 1 + random.nextInt((int) total);
			long index = random.nextInt((int) size);
			assertThat(this.ledger.root(size)).isEqualTo(memory.root(size));
			assertThat(this.ledger.inclusionProof(index, size))
				.usingElementComparator(LedgerStoreContract::compareHashes)
				.containsExactlyElementsOf(memory.inclusionProof(index, size));
		}
		assertThatThrownBy(() -> this.ledger.inclusionProof(0, total + 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("size must be between 0 and " + total);
		assertThatThrownBy(() -> this.ledger.root(total + 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.ledger.consistencyProof(1, total + 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Counts counts() {
		JdbcClient jdbc = this.truce.jdbc();
		return new Counts(jdbc.sql("SELECT size FROM ledger_state").query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM ledger_entries").query(Long.class).single(),
				jdbc.sql("SELECT count(*) FROM ledger_nodes").query(Long.class).single());
	}

	private record Counts(long size, long entries, long nodes) {

	}

	/** A report-like entry with varied text, so that leaves differ. */
	static LedgerEntry entry(int n, Random random) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("n", n);
		body.put("narrative", "report " + n + " \u2014 " + Long.toString(random.nextLong(), 36));
		body.put("deaths", random.nextInt(50));
		return new LedgerEntry("report", "subject-" + n, body);
	}

	private static int compareHashes(byte[] a, byte[] b) {
		return java.util.Arrays.compare(a, b);
	}

}
