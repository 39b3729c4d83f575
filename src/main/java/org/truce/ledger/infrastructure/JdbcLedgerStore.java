package org.truce.ledger.infrastructure;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.NodeStore;
import org.truce.store.StoreDialect;

@Repository
class JdbcLedgerStore implements LedgerStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final StoreDialect dialect;

	JdbcLedgerStore(JdbcClient jdbc, JdbcTemplate template, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.template = template;
		this.dialect = dialect;
	}

	/**
	 * The right border of the tree as this instance last committed it: the hashes an
	 * append starts from. Nodes never change once stored and the size only grows, so
	 * while the size read under the append lock still equals {@code size} nobody has
	 * appended since, here or in another instance, and these are the stored border nodes.
	 * Set only after a commit, so a rolled-back append never leaves hashes here.
	 */
	private final AtomicReference<Border> committedBorder = new AtomicReference<>();

	@Override
	public NodeStore nodes() {
		return new Nodes(false);
	}

	@Override
	public NodeStore nodesForAppend() {
		return new Nodes(true);
	}

	/**
	 * The border of a tree of {@code size} leaves: {@code hashes[level]} is node (level,
	 * (size >>> level) - 1) for every level whose bit is set in the size, else null.
	 */
	private record Border(long size, byte[][] hashes) {

		byte[] node(int level, long index) {
			return level < 64 && (this.size >>> level & 1) == 1 && index == (this.size >>> level) - 1
					? this.hashes[level] : null;
		}

	}

	private final class Nodes implements NodeStore {

		private final boolean lock;

		/** The committed border, when it is that of the size read under the lock. */
		private Border border;

		/** Nodes read or written by this append, to compute the border it leaves. */
		private final Map<NodeKey, byte[]> seen = new HashMap<>();

		Nodes(boolean lock) {
			this.lock = lock;
		}

		@Override
		public long size() {
			String sql = "SELECT size FROM ledger_state WHERE id = 1"
					+ (this.lock && JdbcLedgerStore.this.dialect instanceof StoreDialect.Postgres ? " FOR UPDATE" : "");
			long size = JdbcLedgerStore.this.jdbc.sql(sql).query(Long.class).single();
			if (this.lock) {
				Border committed = JdbcLedgerStore.this.committedBorder.get();
				this.border = committed != null && committed.size() == size ? committed : null;
			}
			return size;
		}

		@Override
		public byte[] node(int level, long index) {
			byte[] hash = this.border != null ? this.border.node(level, index) : null;
			if (hash == null) {
				hash = JdbcLedgerStore.this.jdbc.sql("SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?")
					.params(level, index)
					.query((rs, n) -> rs.getBytes(1))
					.optional()
					.orElseThrow(
							() -> new IllegalStateException("ledger node (" + level + ", " + index + ") is missing"));
			}
			if (this.lock) {
				this.seen.put(key(level, index), hash);
			}
			return hash;
		}

		/**
		 * The remembered border's nodes, and one query for the others
		 * ({@link #selectNodes}).
		 */
		@Override
		public List<byte[]> nodes(int[] levels, long[] indices) {
			return read(-1, levels, indices);
		}

		/**
		 * The nodes and the size in one query, so that a root or a proof costs one round
		 * trip: the size read with the nodes vouches for them.
		 */
		@Override
		public List<byte[]> nodesAtSize(long size, int[] levels, long[] indices) {
			if (this.lock) {
				return NodeStore.super.nodesAtSize(size, levels, indices);
			}
			return read(size, levels, indices);
		}

		/**
		 * The nodes asked for; with {@code atSize} &ge; 0, null if the stored size is
		 * below it.
		 */
		private List<byte[]> read(long atSize, int[] levels, long[] indices) {
			Map<NodeKey, byte[]> found = new HashMap<>();
			List<Integer> missing = new ArrayList<>();
			for (int i = 0; i < levels.length; i++) {
				byte[] hash = this.border != null ? this.border.node(levels[i], indices[i]) : null;
				if (hash != null) {
					found.put(key(levels[i], indices[i]), hash);
				}
				else {
					missing.add(i);
				}
			}
			long size = selectNodes(levels, indices, missing, found, atSize >= 0);
			if (atSize >= 0 && size < atSize) {
				return null;
			}
			List<byte[]> hashes = new ArrayList<>(levels.length);
			for (int i = 0; i < levels.length; i++) {
				byte[] hash = found.get(key(levels[i], indices[i]));
				if (hash == null) {
					throw new IllegalStateException("ledger node (" + levels[i] + ", " + indices[i] + ") is missing");
				}
				if (this.lock) {
					this.seen.put(key(levels[i], indices[i]), hash);
				}
				hashes.add(hash);
			}
			return hashes;
		}

		@Override
		public void write(long fromSize, long toSize, List<Node> nodes) {
			insertNodes(nodes);
			int updated = JdbcLedgerStore.this.jdbc.sql("UPDATE ledger_state SET size = ? WHERE id = 1 AND size = ?")
				.params(toSize, fromSize)
				.update();
			if (updated != 1) {
				throw new ConcurrentAppendException(fromSize, size());
			}
			if (this.lock) {
				rememberAfterCommit(toSize, nodes);
			}
		}

		private void rememberAfterCommit(long size, List<Node> written) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				return;
			}
			for (Node node : written) {
				this.seen.put(key(node.level(), node.index()), node.hash());
			}
			byte[][] hashes = new byte[64][];
			for (int level = 0; level < 63; level++) {
				if ((size >>> level & 1) == 1) {
					hashes[level] = this.seen.get(key(level, (size >>> level) - 1));
					if (hashes[level] == null) {
						return;
					}
				}
			}
			Border next = new Border(size, hashes);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					JdbcLedgerStore.this.committedBorder.accumulateAndGet(next,
							(old, now) -> old == null || now.size() > old.size() ? now : old);
				}

			});
		}

	}

	/**
	 * Reads nodes {@code which} of those asked for into {@code found}, and with
	 * {@code withSize} the stored size in the same statement (else -1 is returned). On
	 * PostgreSQL one statement of two arrays, the same text whatever the number of nodes,
	 * so that the server plans it once per connection; on SQLite
	 * {@code (level = ? AND idx = ?) OR ...}, 200 nodes a statement.
	 */
	private long selectNodes(int[] levels, long[] indices, List<Integer> which, Map<NodeKey, byte[]> found,
			boolean withSize) {
		String size = " UNION ALL SELECT -1, size, NULL FROM ledger_state WHERE id = 1";
		long[] stored = { -1 };
		RowCallbackHandler row = rs -> {
			int level = rs.getInt(1);
			if (level < 0) {
				stored[0] = rs.getLong(2);
			}
			else {
				found.put(key(level, rs.getLong(2)), rs.getBytes(3));
			}
		};
		if (this.dialect instanceof StoreDialect.Postgres) {
			if (which.isEmpty() && !withSize) {
				return -1;
			}
			int[] l = new int[which.size()];
			long[] x = new long[which.size()];
			for (int m = 0; m < which.size(); m++) {
				l[m] = levels[which.get(m)];
				x[m] = indices[which.get(m)];
			}
			this.template.execute((ConnectionCallback<Void>) connection -> {
				try (PreparedStatement select = connection.prepareStatement(
						"SELECT n.level, n.idx, n.hash FROM unnest(?::integer[], ?::bigint[]) AS w(level, idx)"
								+ " JOIN ledger_nodes n ON n.level = w.level AND n.idx = w.idx"
								+ (withSize ? size : ""))) {
					select.setObject(1, l);
					select.setObject(2, x);
					try (ResultSet rs = select.executeQuery()) {
						while (rs.next()) {
							row.processRow(rs);
						}
					}
				}
				return null;
			});
			return stored[0];
		}
		if (which.isEmpty() && withSize) {
			return this.jdbc.sql("SELECT size FROM ledger_state WHERE id = 1").query(Long.class).single();
		}
		for (int from = 0; from < which.size(); from += 200) {
			int to = Math.min(which.size(), from + 200);
			StringBuilder sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE ");
			List<Object> params = new ArrayList<>(2 * (to - from));
			for (int m = from; m < to; m++) {
				int i = which.get(m);
				sql.append(m > from ? " OR " : "").append("(level = ? AND idx = ?)");
				params.add(levels[i]);
				params.add(indices[i]);
			}
			if (withSize && from == 0) {
				sql.append(size);
			}
			this.jdbc.sql(sql.toString()).params(params).query(row);
		}
		return stored[0];
	}

	/**
	 * On PostgreSQL, one statement of three arrays ({@code unnest}), the same text for
	 * every batch so that the server plans it once; on SQLite, a prepared statement
	 * executed as a batch (each row is a step of the same statement, no round trip).
	 */
	private void insertNodes(List<NodeStore.Node> nodes) {
		if (this.dialect instanceof StoreDialect.Postgres && nodes.size() > 1) {
			Integer[] levels = new Integer[nodes.size()];
			Long[] indices = new Long[nodes.size()];
			byte[][] hashes = new byte[nodes.size()][];
			for (int i = 0; i < nodes.size(); i++) {
				NodeStore.Node node = nodes.get(i);
				levels[i] = node.level();
				indices[i] = node.index();
				hashes[i] = node.hash();
			}
			this.template.execute((ConnectionCallback<Void>) connection -> {
				try (PreparedStatement insert = connection
					.prepareStatement("INSERT INTO ledger_nodes (level, idx, hash)"
							+ " SELECT * FROM unnest(?::integer[], ?::bigint[], ?::bytea[])")) {
					insert.setArray(1, connection.createArrayOf("integer", levels));
					insert.setArray(2, connection.createArrayOf("bigint", indices));
					insert.setArray(3, connection.createArrayOf("bytea", hashes));
					int inserted = insert.executeUpdate();
					if (inserted != nodes.size()) {
						throw new IllegalStateException("inserted " + inserted + " ledger nodes of " + nodes.size());
					}
				}
				return null;
			});
			return;
		}
		List<Object[]> rows = new ArrayList<>(nodes.size());
		for (NodeStore.Node node : nodes) {
			rows.add(new Object[] { node.level(), node.index(), node.hash() });
		}
		this.template.batchUpdate("INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)", rows);
	}

	private static NodeKey key(int level, long index) {
		return new NodeKey(level, index);
	}

	private record NodeKey(int level, long index) {

	}

	/**
	 * As {@link #insertNodes}: on PostgreSQL one statement of arrays (instants as text,
	 * cast by the server, to the millisecond as {@link StoreDialect#instant} writes
	 * them).
	 */
	@Override
	public void insertEntries(List<StoredEntry> entries) {
		if (this.dialect instanceof StoreDialect.Postgres && entries.size() > 1) {
			int n = entries.size();
			Long[] indices = new Long[n];
			String[] kinds = new String[n];
			String[] subjects = new String[n];
			String[] texts = new String[n];
			byte[][] hashes = new byte[n][];
			String[] times = new String[n];
			for (int i = 0; i < n; i++) {
				StoredEntry e = entries.get(i);
				indices[i] = e.index();
				kinds[i] = e.kind();
				subjects[i] = e.subject();
				texts[i] = e.canonicalJson();
				hashes[i] = e.leafHash();
				times[i] = e.appendedAt().truncatedTo(ChronoUnit.MILLIS).toString();
			}
			this.template.execute((ConnectionCallback<Void>) connection -> {
				try (PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO ledger_entries (idx, kind, subject, entry, leaf_hash, appended_at) SELECT * FROM"
								+ " unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::timestamptz[])")) {
					insert.setArray(1, connection.createArrayOf("bigint", indices));
					insert.setArray(2, connection.createArrayOf("text", kinds));
					insert.setArray(3, connection.createArrayOf("text", subjects));
					insert.setArray(4, connection.createArrayOf("text", texts));
					insert.setArray(5, connection.createArrayOf("bytea", hashes));
					insert.setArray(6, connection.createArrayOf("text", times));
					int inserted = insert.executeUpdate();
					if (inserted != n) {
						throw new IllegalStateException("inserted " + inserted + " ledger entries of " + n);
					}
				}
				return null;
			});
			return;
		}
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (StoredEntry e : entries) {
			rows.add(new Object[] { e.index(), e.kind(), e.subject(), e.canonicalJson(), e.leafHash(),
					this.dialect.instant(e.appendedAt()) });
		}
		this.template.batchUpdate(
				"INSERT INTO ledger_entries (idx, kind, subject, entry, leaf_hash, appended_at) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
	}

	@Override
	public List<StoredEntry> entries(long start, long end) {
		return this.jdbc.sql(
				"SELECT idx, kind, subject, entry, leaf_hash, appended_at FROM ledger_entries WHERE idx >= ? AND idx < ?"
						+ " ORDER BY idx")
			.params(start, end)
			.query((rs, n) -> entry(rs))
			.list();
	}

	private StoredEntry entry(ResultSet rs) throws SQLException {
		return new StoredEntry(rs.getLong("idx"), rs.getString("kind"), rs.getString("subject"), rs.getString("entry"),
				rs.getBytes("leaf_hash"), this.dialect.instant(rs, "appended_at"));
	}

	@Override
	public Optional<Long> indexOfLeafHash(byte[] leafHash) {
		return this.jdbc.sql("SELECT min(idx) FROM ledger_entries WHERE leaf_hash = ?")
			.param(leafHash)
			.query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
			.optional();
	}

	@Override
	public Optional<Long> indexOf(String kind, String subject) {
		return this.jdbc.sql("SELECT max(idx) FROM ledger_entries WHERE subject = ? AND kind = ?")
			.params(subject, kind)
			.query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
			.optional();
	}

	@Override
	public Optional<StoredCheckpoint> latestCheckpoint() {
		return this.jdbc.sql("SELECT size, root, note, signed_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1")
			.query((rs, n) -> checkpoint(rs))
			.optional();
	}

	@Override
	public Optional<StoredCheckpoint> checkpoint(long size) {
		return this.jdbc.sql("SELECT size, root, note, signed_at FROM ledger_checkpoints WHERE size = ?")
			.param(size)
			.query((rs, n) -> checkpoint(rs))
			.optional();
	}

	@Override
	public List<StoredCheckpoint> checkpoints(long afterSize, long upToSize, int limit) {
		return this.jdbc
			.sql("SELECT size, root, note, signed_at FROM ledger_checkpoints WHERE size > ? AND size <= ?"
					+ " ORDER BY size LIMIT ?")
			.params(afterSize, upToSize, limit)
			.query((rs, n) -> checkpoint(rs))
			.list();
	}

	private StoredCheckpoint checkpoint(ResultSet rs) throws SQLException {
		return new StoredCheckpoint(rs.getLong("size"), rs.getBytes("root"), rs.getString("note"),
				this.dialect.instant(rs, "signed_at"));
	}

	@Override
	public boolean addCheckpoint(StoredCheckpoint c) {
		return this.jdbc
			.sql("INSERT INTO ledger_checkpoints (size, root, note, signed_at) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT (size) DO NOTHING")
			.params(c.size(), c.root(), c.note(), this.dialect.instant(c.signedAt()))
			.update() == 1;
	}

	@Override
	public void addCosignature(long size, String keyName, String signatureLine, Instant at) {
		this.jdbc
			.sql("INSERT INTO ledger_cosignatures (size, key_name, signature_line, cosigned_at) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT (size, key_name) DO UPDATE SET signature_line = excluded.signature_line,"
					+ " cosigned_at = excluded.cosigned_at")
			.params(size, keyName, signatureLine, this.dialect.instant(at))
			.update();
	}

	@Override
	public List<String> cosignatures(long size) {
		return this.jdbc.sql("SELECT signature_line FROM ledger_cosignatures WHERE size = ? ORDER BY key_name")
			.param(size)
			.query(String.class)
			.list();
	}

}
