package org.truce.report.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.report.application.Imports;
import org.truce.shared.ErrorCode;
import org.truce.store.StoreDialect;

/** Import runs and their rejected rows in SQLite or PostgreSQL. */
@Repository
class JdbcImports implements Imports {

	private static final String COLUMNS = "id, kind, file_name, sha256, started_at, finished_at, rows_read, imported,"
			+ " duplicates, rejected, time_zone";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	JdbcImports(JdbcClient jdbc, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.dialect = dialect;
	}

	@Override
	public void started(ImportRun run) {
		Counts c = run.counts();
		this.jdbc.sql("INSERT INTO imports (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(run.id(), run.kind(), run.fileName(), run.sha256(), this.dialect.instant(run.startedAt()),
					this.dialect.instant(run.finishedAt()), c.rowsRead(), c.imported(), c.duplicates(), c.rejected(),
					run.timeZone())
			.update();
	}

	@Override
	public void progressed(String importId, Counts counts) {
		this.jdbc.sql("UPDATE imports SET rows_read = ?, imported = ?, duplicates = ?, rejected = ? WHERE id = ?")
			.params(counts.rowsRead(), counts.imported(), counts.duplicates(), counts.rejected(), importId)
			.update();
	}

	@Override
	public void finished(String importId, Counts counts, Instant finishedAt) {
		this.jdbc
			.sql("UPDATE imports SET rows_read = ?, imported = ?, duplicates = ?, rejected = ?, finished_at = ?"
					+ " WHERE id = ?")
			.params(counts.rowsRead(), counts.imported(), counts.duplicates(), counts.rejected(),
					this.dialect.instant(finishedAt), importId)
			.update();
	}

	@Override
	public void rejected(String importId, List<RowRejection> rejections) {
		if (rejections.isEmpty()) {
			return;
		}
		// The key is (import, row, code): problems of one row that share a code become
		// one
		// rejection naming every field.
		Map<String, RowRejection> merged = new LinkedHashMap<>();
		for (RowRejection r : rejections) {
			merged.merge(r.rowNumber() + "/" + r.code(), r, (a, b) -> new RowRejection(a.rowNumber(), a.code(),
					join(a.field(), b.field()), a.detail() + " " + b.detail()));
		}
		this.tx.executeWithoutResult(status -> {
			for (RowRejection r : merged.values()) {
				this.jdbc
					.sql("INSERT INTO import_rejections (import_id, row_number, code, field, detail)"
							+ " VALUES (?, ?, ?, ?, ?)")
					.params(importId, r.rowNumber(), r.code().name(), r.field(), r.detail())
					.update();
			}
		});
	}

	private static String join(String a, String b) {
		if (a == null) {
			return b;
		}
		return b == null || a.equals(b) ? a : a + "," + b;
	}

	@Override
	public Optional<ImportRun> byId(String importId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM imports WHERE id = ?")
			.param(importId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Ties on the finishing instant go to the later run: ids are time-ordered (UUIDv7).
	 */
	@Override
	public Optional<ImportRun> lastFinished(String kind, String sha256, String timeZone) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM imports WHERE kind = ? AND sha256 = ? AND time_zone = ?"
					+ " AND finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1")
			.params(kind, sha256, timeZone)
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<RowRejection> rejections(String importId) {
		List<RowRejection> out = new ArrayList<>();
		this.jdbc
			.sql("SELECT row_number, code, field, detail FROM import_rejections WHERE import_id = ?"
					+ " ORDER BY row_number, code")
			.param(importId)
			.query(rs -> {
				out.add(new RowRejection(rs.getLong("row_number"), ErrorCode.valueOf(rs.getString("code")),
						rs.getString("field"), rs.getString("detail")));
			});
		return out;
	}

	private ImportRun map(ResultSet rs) throws SQLException {
		return new ImportRun(rs.getString("id"), rs.getString("kind"), rs.getString("file_name"),
				rs.getString("sha256"), this.dialect.instant(rs, "started_at"), this.dialect.instant(rs, "finished_at"),
				new Counts(rs.getLong("rows_read"), rs.getLong("imported"), rs.getLong("duplicates"),
						rs.getLong("rejected")),
				rs.getString("time_zone"));
	}

}
