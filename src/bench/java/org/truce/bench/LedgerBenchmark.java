package org.truce.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.NodeStore;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.testing.SyriaBox;

/**
 * The ledger's figures: (a) entries appended per second with durable commits, a batch of
 * entries per commit as group commit makes them; (b) the time of an inclusion proof in a
 * very large log; (c) the time to recompute every leaf hash and root of an exported log.
 * The entries are synthetic reports of the size real ones have.
 */
public final class LedgerBenchmark {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private LedgerBenchmark() {
	}

	/** A report-like ledger entry, about 700 bytes of canonical JSON. */
	public static LedgerEntry entry(Random random, long n) {
		SyriaBox.Point p = SyriaBox.point(random);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
		body.put("eventType", "shelling-artillery-missile-attack");
		body.put("when", Map.of("start", "2016-09-19T16:15:00Z", "end", "2016-09-19T16:15:00Z", "precision", "EXACT"));
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("latitude", p.latitude());
		where.put("longitude", p.longitude());
		where.put("precision", "EXACT");
		where.put("radiusMetres", 0.0);
		where.put("placeName", "Bench " + n);
		body.put("where", where);
		body.put("actor", Map.of("id", "syrian-arab-air-force", "asReported", "Syrian Arab Air Force", "known", true));
		body.put("casualties", Map.of("total", Map.of("low", 1, "best", 1 + random.nextInt(8), "high", 9)));
		body.put("narrative", "Benchmark report " + n + ": shelling reported near the road.");
		body.put("sourceId", "bench");
		body.put("externalId", "bench-" + n);
		body.put("attachments", List.of());
		body.put("flags", List.of());
		body.put("recordedAt", "2016-09-19T17:00:00.123Z");
		return new LedgerEntry("report", body.get("id").toString(), body);
	}

	// ---- (a) appends

	/** What appending measured. */
	public record AppendResult(int batch, long entries, int commits, double seconds, double wallSeconds,
			Samples.Summary perCommit) {

		public double rate() {
			return this.entries / this.seconds;
		}

	}

	/**
	 * Appends {@code total} entries through {@link Ledger#append} in batches of
	 * {@code batch}, each its own durable transaction; stops early after
	 * {@code maxSeconds} inside appends. Making the entries is not timed; encoding them
	 * (canonical JSON, leaf hash) is, as it is part of an append.
	 */
	public static AppendResult appends(Ledger ledger, int total, int batch, double maxSeconds, Random random) {
		long inside = 0;
		long done = 0;
		int commits = 0;
		Samples perCommit = new Samples();
		long start = System.nanoTime();
		while (done < total && inside < maxSeconds * 1e9) {
			int n = (int) Math.min(batch, total - done);
			List<LedgerEntry> entries = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				entries.add(entry(random, done + i));
			}
			long t0 = System.nanoTime();
			ledger.append(entries);
			long t = System.nanoTime() - t0;
			inside += t;
			perCommit.add(t);
			done += n;
			commits++;
		}
		return new AppendResult(batch, done, commits, inside / 1e9, (System.nanoTime() - start) / 1e9,
				perCommit.summary());
	}

	/**
	 * Entries encoded per second ({@link LedgerEntry#encode}: canonical JSON and leaf
	 * hash) on this thread, after encoding them all once untimed (to warm up the JIT);
	 * making the entries is not timed.
	 */
	public static double encodingRate(int count, Random random) {
		List<LedgerEntry> entries = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			entries.add(entry(random, i));
		}
		int length = 0;
		for (LedgerEntry e : entries) {
			length += e.encode().canonicalJson().length();
		}
		long t0 = System.nanoTime();
		for (LedgerEntry e : entries) {
			length += e.encode().canonicalJson().length();
		}
		long t = System.nanoTime() - t0;
		return length > 0 ? count / (t / 1e9) : 0;
	}

	/**
	 * The baseline of (a), measured in the same run and store: the same rows that
	 * {@link Ledger#append} stores for a batch (each entry's canonical JSON and leaf hash,
	 * and the tree nodes the batch completes), inserted with plain JDBC into copies of the
	 * ledger's tables with the same keys and indexes, a reused prepared statement per
	 * table, executed as a batch, and one durable commit per batch. The rows are made
	 * beforehand and not timed: this is what the disk and the driver cost, with no
	 * encoding, no locking and no framework.
	 * @param connection a connection of its own to the store (for SQLite, to the same
	 * file, WAL and synchronous=FULL, as Truce's)
	 */
	public static AppendResult rawAppends(Connection connection, boolean postgres, int total, int batch,
			double maxSeconds, Random random) throws SQLException {
		try (Statement s = connection.createStatement()) {
			if (!postgres) {
				s.execute("PRAGMA journal_mode = WAL");
				s.execute("PRAGMA synchronous = FULL");
				s.execute("PRAGMA busy_timeout = 30000");
			}
			s.execute("DROP TABLE IF EXISTS bench_raw_entries");
			s.execute("DROP TABLE IF EXISTS bench_raw_nodes");
			String bigint = postgres ? "BIGINT" : "INTEGER";
			String bytes = postgres ? "BYTEA" : "BLOB";
			s.execute("CREATE TABLE bench_raw_entries (idx " + bigint + " PRIMARY KEY, kind TEXT NOT NULL,"
					+ " subject TEXT, entry TEXT NOT NULL, leaf_hash " + bytes + " NOT NULL, appended_at "
					+ (postgres ? "TIMESTAMPTZ" : "INTEGER") + " NOT NULL)");
			s.execute("CREATE INDEX bench_raw_entries_by_hash ON bench_raw_entries (leaf_hash)");
			s.execute("CREATE INDEX bench_raw_entries_by_subject ON bench_raw_entries (subject)");
			s.execute("CREATE TABLE bench_raw_nodes (level INTEGER NOT NULL, idx " + bigint + " NOT NULL, hash "
					+ bytes + " NOT NULL, PRIMARY KEY (level, idx))");
		}
		connection.setAutoCommit(false);
		List<NodeStore.Node> written = new ArrayList<>();
		MerkleTree tree = new MerkleTree(new BulkNodes(new NodeSink() {

			@Override
			public void write(List<NodeStore.Node> nodes) {
				written.addAll(nodes);
			}

			@Override
			public void finish(long size) {
			}

		}));
		long inside = 0;
		long done = 0;
		int commits = 0;
		Samples perCommit = new Samples();
		long start = System.nanoTime();
		try (PreparedStatement entries = connection.prepareStatement(
				"INSERT INTO bench_raw_entries (idx, kind, subject, entry, leaf_hash, appended_at) VALUES (?, ?, ?, ?, ?, ?)");
				PreparedStatement nodes = connection
					.prepareStatement("INSERT INTO bench_raw_nodes (level, idx, hash) VALUES (?, ?, ?)")) {
			while (done < total && inside < maxSeconds * 1e9) {
				int n = (int) Math.min(batch, total - done);
				List<LedgerEntry.Encoded> encoded = new ArrayList<>(n);
				List<byte[]> leaves = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					LedgerEntry.Encoded e = entry(random, done + i).encode();
					encoded.add(e);
					leaves.add(e.leafHash());
				}
				written.clear();
				tree.appendAll(leaves);
				java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
				long t0 = System.nanoTime();
				for (int i = 0; i < n; i++) {
					LedgerEntry.Encoded e = encoded.get(i);
					entries.setLong(1, done + i);
					entries.setString(2, e.kind());
					entries.setString(3, e.subject());
					entries.setString(4, e.canonicalJson());
					entries.setBytes(5, e.leafHash());
					if (postgres) {
						entries.setTimestamp(6, now);
					}
					else {
						entries.setLong(6, now.getTime());
					}
					entries.addBatch();
				}
				entries.executeBatch();
				for (NodeStore.Node node : written) {
					nodes.setInt(1, node.level());
					nodes.setLong(2, node.index());
					nodes.setBytes(3, node.hash());
					nodes.addBatch();
				}
				nodes.executeBatch();
				connection.commit();
				long t = System.nanoTime() - t0;
				inside += t;
				perCommit.add(t);
				done += n;
				commits++;
			}
		}
		finally {
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement()) {
				s.execute("DROP TABLE IF EXISTS bench_raw_entries");
				s.execute("DROP TABLE IF EXISTS bench_raw_nodes");
			}
		}
		return new AppendResult(batch, done, commits, inside / 1e9, (System.nanoTime() - start) / 1e9,
				perCommit.summary());
	}

	// ---- (b) a large tree, written in bulk

	/** Where bulk-built nodes go. */
	public interface NodeSink {

		void write(List<NodeStore.Node> nodes) throws SQLException, IOException;

		/** Records the tree's size as the store's ledger size. */
		void finish(long size) throws SQLException, IOException;

	}

	/**
	 * Builds a tree of {@code leaves} synthetic leaves ({@code leafHash("{\"n\":i}")})
	 * with {@link MerkleTree#appendAll} in chunks, every completed node going to the
	 * sink; only the tree's right border is kept in memory.
	 * @return the root
	 */
	public static byte[] buildTree(long leaves, int chunk, NodeSink sink, PrintWriter out)
			throws SQLException, IOException {
		BulkNodes store = new BulkNodes(sink);
		MerkleTree tree = new MerkleTree(store);
		long step = Math.max(chunk, leaves / 10 / chunk * chunk);
		long next = step;
		for (long done = 0; done < leaves;) {
			int n = (int) Math.min(chunk, leaves - done);
			List<byte[]> hashes = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				hashes.add(leaf(done + i));
			}
			tree.appendAll(hashes);
			if (store.failure != null) {
				throw store.failure;
			}
			done += n;
			if (done >= next && done < leaves) {
				out.printf("    built %,d leaves%n", done);
				out.flush();
				next += step;
			}
		}
		sink.finish(leaves);
		return tree.root();
	}

	public static byte[] leaf(long i) {
		return MerkleHashes.leafHash(("{\"n\":" + i + "}").getBytes(StandardCharsets.US_ASCII));
	}

	/** Keeps the size and the right border in memory and passes nodes to the sink. */
	private static final class BulkNodes implements NodeStore {

		private final NodeSink sink;

		private long size;

		private final byte[][] border = new byte[64][];

		private SQLException failure;

		BulkNodes(NodeSink sink) {
			this.sink = sink;
		}

		@Override
		public long size() {
			return this.size;
		}

		@Override
		public byte[] node(int level, long index) {
			if ((this.size >>> level & 1) == 1 && index == (this.size >>> level) - 1) {
				return this.border[level];
			}
			throw new IllegalStateException("only the border is kept in memory, not (" + level + ", " + index + ")");
		}

		@Override
		public void write(long fromSize, long toSize, List<Node> nodes) {
			try {
				this.sink.write(nodes);
			}
			catch (SQLException ex) {
				this.failure = ex;
				return;
			}
			catch (IOException ex) {
				this.failure = new SQLException(ex);
				return;
			}
			for (Node node : nodes) {
				if ((toSize >>> node.level() & 1) == 1 && node.index() == (toSize >>> node.level()) - 1) {
					this.border[node.level()] = node.hash();
				}
			}
			for (int level = 0; level < 64; level++) {
				if ((toSize >>> level & 1) == 0) {
					this.border[level] = null;
				}
			}
			this.size = toSize;
		}

	}

	/**
	 * Inserts nodes into an SQLite store's {@code ledger_nodes} with a prepared batch, a
	 * transaction per chunk, on a connection of its own with synchronous=OFF: this is the
	 * set-up of the measurement, not the measured durable path.
	 */
	public static NodeSink sqliteSink(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("PRAGMA synchronous = OFF");
		}
		connection.setAutoCommit(false);
		PreparedStatement insert = connection
			.prepareStatement("INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)");
		return new NodeSink() {

			@Override
			public void write(List<NodeStore.Node> nodes) throws SQLException {
				for (NodeStore.Node node : nodes) {
					insert.setInt(1, node.level());
					insert.setLong(2, node.index());
					insert.setBytes(3, node.hash());
					insert.addBatch();
				}
				insert.executeBatch();
				connection.commit();
			}

			@Override
			public void finish(long size) throws SQLException {
				try (PreparedStatement p = connection
					.prepareStatement("UPDATE ledger_state SET size = ? WHERE id = 1")) {
					p.setLong(1, size);
					p.executeUpdate();
				}
				connection.commit();
				insert.close();
			}

		};
	}

	/** Streams nodes into a PostgreSQL store's {@code ledger_nodes} with COPY. */
	public static NodeSink postgresSink(Connection connection) throws SQLException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		HexFormat hex = HexFormat.of();
		return new NodeSink() {

			@Override
			public void write(List<NodeStore.Node> nodes) throws SQLException {
				StringBuilder text = new StringBuilder(nodes.size() * 90);
				for (NodeStore.Node node : nodes) {
					text.append(node.level())
						.append('\t')
						.append(node.index())
						.append("\t\\\\x")
						.append(hex.formatHex(node.hash()))
						.append('\n');
				}
				byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
				CopyIn copy = pg.getCopyAPI().copyIn("COPY ledger_nodes (level, idx, hash) FROM STDIN");
				copy.writeToCopy(bytes, 0, bytes.length);
				copy.endCopy();
			}

			@Override
			public void finish(long size) throws SQLException {
				try (PreparedStatement p = connection
					.prepareStatement("UPDATE ledger_state SET size = ? WHERE id = 1")) {
					p.setLong(1, size);
					p.executeUpdate();
				}
				try (Statement s = connection.createStatement()) {
					s.execute("ANALYZE ledger_nodes");
				}
			}

		};
	}

	/** Timing of inclusion proofs: every proof is also checked against the root. */
	public record ProofResult(Samples.Summary latency, int verified, int proofLength) {

	}

	/**
	 * Times {@code count} inclusion proofs for random leaves of a tree of {@code size},
	 * after {@code warmup} untimed ones, and checks each against {@code root}.
	 */
	public static ProofResult proofs(ProofSource source, long size, byte[] root, int count, int warmup, Random random) {
		for (int i = 0; i < warmup; i++) {
			source.prove(Math.floorMod(random.nextLong(), size), size);
		}
		Samples samples = new Samples();
		int verified = 0;
		int length = 0;
		for (int i = 0; i < count; i++) {
			long index = Math.floorMod(random.nextLong(), size);
			long t0 = System.nanoTime();
			List<byte[]> proof = source.prove(index, size);
			samples.add(System.nanoTime() - t0);
			length = proof.size();
			if (ProofVerifier.verifyInclusion(index, size, leaf(index), proof, root) instanceof ProofVerdict.Valid) {
				verified++;
			}
		}
		return new ProofResult(samples.summary(), verified, length);
	}

	/** Something that proves inclusion: {@link Ledger#inclusionProof}, say. */
	public interface ProofSource {

		List<byte[]> prove(long index, long size);

	}

	/**
	 * The same store read one node per query, as before nodes were fetched together: a
	 * view that hides {@link NodeStore#nodes}.
	 */
	public static NodeStore oneByOne(NodeStore store) {
		return new NodeStore() {

			@Override
			public long size() {
				return store.size();
			}

			@Override
			public byte[] node(int level, long index) {
				return store.node(level, index);
			}

			@Override
			public void write(long fromSize, long toSize, List<Node> nodes) {
				throw new UnsupportedOperationException("read only");
			}

		};
	}

	// ---- (c) verification of an exported log

	/**
	 * The exported log: one canonical JSON entry a line, and the root the exporter got.
	 */
	public record ExportedLog(Path file, long entries, long bytes, byte[] root, double seconds) {

	}

	/**
	 * Writes {@code count} entries as an export would, one canonical JSON text a line
	 * (canonical JSON has no raw line breaks), and computes their root with Truce's own
	 * tree ({@link MerkleTree} over an {@link InMemoryNodeStore}).
	 */
	public static ExportedLog export(Path file, int count, Random random) throws IOException {
		long t0 = System.nanoTime();
		MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
		List<byte[]> chunk = new ArrayList<>();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			for (int i = 0; i < count; i++) {
				LedgerEntry.Encoded e = entry(random, i).encode();
				out.write(e.canonicalJson().getBytes(StandardCharsets.UTF_8));
				out.write('\n');
				chunk.add(e.leafHash());
				if (chunk.size() == 10_000) {
					tree.appendAll(chunk);
					chunk.clear();
				}
			}
		}
		if (!chunk.isEmpty()) {
			tree.appendAll(chunk);
		}
		return new ExportedLog(file, count, Files.size(file), tree.root(), (System.nanoTime() - t0) / 1e9);
	}

	/** What the verifier found. */
	public record Verification(long entries, byte[] root, int checkpoints, boolean canonical, long notCanonical,
			double seconds) {

	}

	/**
	 * What an offline verifier does with an exported log, on one thread: reads every
	 * line, optionally checks that it is the canonical form of itself (parsed with
	 * Jackson and re-serialised with {@link CanonicalJson}), hashes it as a leaf, and
	 * folds the leaves into the root, also taking the root at every
	 * {@code checkpointEvery} entries (as it would to check each checkpoint). The tree is
	 * folded with its own right border, not with {@link MerkleTree}, as a verifier
	 * independent of Truce would.
	 */
	public static Verification verify(Path file, boolean recanonicalise, long checkpointEvery) throws IOException {
		long t0 = System.nanoTime();
		JsonMapper json = JsonMapper.builder().build();
		byte[][] border = new byte[64][];
		long size = 0;
		int checkpoints = 0;
		long notCanonical = 0;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = in.readLine()) != null) {
				if (recanonicalise && !CanonicalJson.serialize(json.readValue(line, MAP)).equals(line)) {
					notCanonical++;
				}
				byte[] hash = MerkleHashes.leafHash(line.getBytes(StandardCharsets.UTF_8));
				int level = 0;
				while ((size >>> level & 1) == 1) {
					hash = MerkleHashes.nodeHash(border[level], hash);
					border[level] = null;
					level++;
				}
				border[level] = hash;
				size++;
				if (size % checkpointEvery == 0) {
					rootOf(border, size);
					checkpoints++;
				}
			}
		}
		return new Verification(size, rootOf(border, size), checkpoints, recanonicalise, notCanonical,
				(System.nanoTime() - t0) / 1e9);
	}

	private static byte[] rootOf(byte[][] border, long size) {
		if (size == 0) {
			return MerkleHashes.emptyRoot();
		}
		byte[] root = null;
		for (int level = 0; level < 64; level++) {
			if ((size >>> level & 1) == 1) {
				root = root == null ? border[level] : MerkleHashes.nodeHash(border[level], root);
			}
		}
		return root;
	}

}
