package org.truce.ledger.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
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
		 * The remembered border's nodes, and one query, {@code (level = ? AND idx = ?) OR
		 * ...}, for the others.
		 */
		@Override
		public List<byte[]> nodes(int[] levels, long[] indices) {
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
			for (int from = 0; from < missing.size(); from += 200) {
				int to = Math.min(missing.size(), from + 200);
				StringBuilder sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE ");
				List<Object> params = new ArrayList<>(2 * (to - from));
				for (int m = from; m < to; m++) {
					int i = missing.get(m);
					sql.append(m > from ? " OR " : "").append("(level = ? AND idx = ?)");
					params.add(levels[i]);
					params.add(indices[i]);
				}
				JdbcLedgerStore.this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
					found.put(key(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
				});
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
			List<Object[]> rows = new ArrayList<>(nodes.size());
			for (Node node : nodes) {
				rows.add(new Object[] { node.level(), node.index(), node.hash() });
			}
			JdbcLedgerStore.this.template.batchUpdate("INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)",
					rows);
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

	private static NodeKey key(int level, long index) {
		return new NodeKey(level, index);
	}

	private record NodeKey(int level, long index) {

	}

	@Override
	public void insertEntries(List<StoredEntry> entries) {
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
