package org.truce.report.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.report.application.Publications;
import org.truce.store.StoreDialect;

/**
 * Publications in SQLite or PostgreSQL. Each insert takes only stored reports (by
 * selecting them from {@code reports}) and skips those already published ({@code ON
 * CONFLICT DO NOTHING}); {@code RETURNING} says which rows it inserted, so that two
 * publishers racing on one report never both count it as theirs.
 */
@Repository
class JdbcPublications implements Publications {

	/** Report ids per statement, well under either store's limit on parameters. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	JdbcPublications(JdbcClient jdbc, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.dialect = dialect;
	}

	@Override
	public List<Publication> publish(List<UUID> reportIds, Instant at, String by) {
		return this.tx.execute(status -> {
			Set<UUID> inserted = new HashSet<>();
			for (int from = 0; from < reportIds.size(); from += CHUNK) {
				List<UUID> chunk = reportIds.subList(from, Math.min(reportIds.size(), from + CHUNK));
				List<Object> params = new ArrayList<>();
				params.add(this.dialect.instant(at));
				params.add(by);
				chunk.forEach(id -> params.add(this.dialect.uuid(id)));
				inserted.addAll(
						insert("t.id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", params));
			}
			Instant stored = readBack(at);
			List<Publication> out = new ArrayList<>();
			for (UUID id : reportIds) {
				if (inserted.remove(id)) {
					out.add(new Publication(id, stored, by));
				}
			}
			return out;
		});
	}

	@Override
	public List<Publication> publishFrom(String sourceId, Instant at, String by) {
		return this.tx.execute(status -> {
			List<Object> params = new ArrayList<>();
			params.add(this.dialect.instant(at));
			params.add(by);
			String where = "1 = 1";
			if (sourceId != null) {
				where = "t.source_id = ?";
				params.add(sourceId);
			}
			Instant stored = readBack(at);
			return insert(where, params).stream()
				.sorted(Comparator.comparing(UUID::toString))
				.map(id -> new Publication(id, stored, by))
				.toList();
		});
	}

	/**
	 * Inserts a publication of each stored report matching {@code where} (on
	 * {@code reports t}); the first two parameters are the time and the publisher.
	 */
	private List<UUID> insert(String where, List<Object> params) {
		// The WHERE clause also keeps SQLite from reading ON CONFLICT as part of a join.
		return this.jdbc
			.sql("INSERT INTO report_publications (report_id, published_at, published_by) SELECT t.id, ?, ?"
					+ " FROM reports t WHERE " + where + " ON CONFLICT (report_id) DO NOTHING RETURNING report_id")
			.params(params)
			.query((rs, n) -> UUID.fromString(rs.getString("report_id")))
			.list();
	}

	/** The instant as the store keeps it (to the millisecond). */
	private Instant readBack(Instant at) {
		return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	@Override
	public Optional<Publication> of(UUID reportId) {
		return this.jdbc
			.sql("SELECT report_id, published_at, published_by FROM report_publications WHERE report_id = ?")
			.param(this.dialect.uuid(reportId))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM report_publications").query(Long.class).single();
	}

	private Publication map(ResultSet rs) throws SQLException {
		return new Publication(UUID.fromString(rs.getString("report_id")), this.dialect.instant(rs, "published_at"),
				rs.getString("published_by"));
	}

}
