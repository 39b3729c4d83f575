package org.truce.determination.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.determination.application.Determinations;
import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.determination.model.Verdict;
import org.truce.shared.Asserted;
import org.truce.store.StoreDialect;

/**
 * Determinations in SQLite or PostgreSQL. An update is guarded by the stored version
 * ({@code WHERE version = ?}): of two changes made against one version, one updates the
 * row and the other finds it changed, on either store.
 */
@Repository
class JdbcDeterminations implements Determinations {

	private static final String COLUMNS = "id, incident_id, agreement_id, term_id, actor_id, verdict, rationale, sides,"
			+ " quorum, status, version, drafted_by, drafted_at, updated_at, effective_at";

	/** Ids per statement, well under either store's limit on parameters. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcDeterminations(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void insert(Determination d) {
		this.jdbc
			.sql("INSERT INTO determinations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(d.id()), this.dialect.uuid(d.incidentId()), d.subject().agreementId(),
					d.subject().termId(), d.subject().actorId(), d.subject().verdict().name(), d.rationale(),
					String.join(",", d.quorum().sides()), d.quorum().required(), d.status().name(), d.version(),
					d.draftedBy(), this.dialect.instant(d.draftedAt()), this.dialect.instant(d.updatedAt()),
					this.dialect.instant(d.effectiveAt()))
			.update();
		insertSignOffs(d);
	}

	@Override
	public boolean update(Determination d, int expected) {
		int updated = this.jdbc
			.sql("UPDATE determinations SET agreement_id = ?, term_id = ?, actor_id = ?, verdict = ?, rationale = ?,"
					+ " sides = ?, quorum = ?, status = ?, version = ?, updated_at = ?, effective_at = ?"
					+ " WHERE id = ? AND version = ?")
			.params(d.subject().agreementId(), d.subject().termId(), d.subject().actorId(),
					d.subject().verdict().name(), d.rationale(), String.join(",", d.quorum().sides()),
					d.quorum().required(), d.status().name(), d.version(), this.dialect.instant(d.updatedAt()),
					this.dialect.instant(d.effectiveAt()), this.dialect.uuid(d.id()), expected)
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM determination_sign_offs WHERE determination_id = ?")
			.param(this.dialect.uuid(d.id()))
			.update();
		insertSignOffs(d);
		return true;
	}

	private void insertSignOffs(Determination d) {
		for (SignOff s : d.signOffs()) {
			this.jdbc
				.sql("INSERT INTO determination_sign_offs (determination_id, side, signed_by, signed_version, signed_at,"
						+ " asserted_at, asserted_by, asserted_document, asserted_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(this.dialect.uuid(d.id()), s.side(), s.userId(), s.version(), this.dialect.instant(s.at()),
						this.dialect.instant(s.asserted().at()), s.asserted().by(), s.asserted().document(),
						s.asserted().url())
				.update();
		}
	}

	@Override
	public Optional<Determination> find(UUID id) {
		return withSignOffs(this.jdbc.sql("SELECT " + COLUMNS + " FROM determinations WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.list()).stream().findFirst();
	}

	@Override
	public List<Determination> aboutIncidents(Collection<UUID> incidentIds) {
		List<UUID> ids = List.copyOf(incidentIds);
		List<Determination> out = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			out.addAll(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM determinations WHERE incident_id IN ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(chunk.stream().map(this.dialect::uuid).toList())
				.query((rs, n) -> map(rs))
				.list());
		}
		out.sort(java.util.Comparator.comparing(Determination::draftedAt).thenComparing(d -> d.id().toString()));
		return withSignOffs(out);
	}

	@Override
	public List<Determination> list(Determination.Status status, String awaiting, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM determinations t WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (status != null) {
			sql.append(" AND t.status = ?");
			params.add(status.name());
		}
		if (awaiting != null) {
			// Named (the list is comma-separated and ids hold no commas) and not yet
			// signed by the side.
			sql.append(" AND t.status = 'DRAFT' AND (',' || t.sides || ',') LIKE ? ESCAPE '\\'"
					+ " AND NOT EXISTS (SELECT 1 FROM determination_sign_offs s"
					+ " WHERE s.determination_id = t.id AND s.side = ?)");
			params.add("%," + escapeLike(awaiting) + ",%");
			params.add(awaiting);
		}
		sql.append(" ORDER BY t.updated_at DESC, t.id LIMIT ?");
		params.add(limit);
		return withSignOffs(this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list());
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public void addComment(Comment c) {
		this.jdbc
			.sql("INSERT INTO determination_comments (id, determination_id, author, side, dissent, body, created_at,"
					+ " asserted_at, asserted_by, asserted_document, asserted_url)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(c.id()), this.dialect.uuid(c.determinationId()), c.userId(), c.side(),
					c.dissent(), c.text(), this.dialect.instant(c.at()), this.dialect.instant(c.asserted().at()),
					c.asserted().by(), c.asserted().document(), c.asserted().url())
			.update();
	}

	@Override
	public List<Comment> comments(UUID determinationId) {
		return this.jdbc
			.sql("SELECT id, determination_id, author, side, dissent, body, created_at, asserted_at, asserted_by,"
					+ " asserted_document, asserted_url FROM determination_comments"
					+ " WHERE determination_id = ? ORDER BY created_at, id")
			.param(this.dialect.uuid(determinationId))
			.query((rs, n) -> {
				Instant at = this.dialect.instant(rs, "created_at");
				String author = rs.getString("author");
				return new Comment(UUID.fromString(rs.getString("id")),
						UUID.fromString(rs.getString("determination_id")), author, rs.getString("side"),
						rs.getBoolean("dissent"), rs.getString("body"), at,
						Asserted.stored(this.dialect.instant(rs, "asserted_at"), rs.getString("asserted_by"),
								rs.getString("asserted_document"), rs.getString("asserted_url"), at, author));
			})
			.list();
	}

	/** The rows with their sign-offs, read in one query per chunk of ids. */
	private List<Determination> withSignOffs(List<Determination> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, List<SignOff>> signOffs = new LinkedHashMap<>();
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<Determination> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			this.jdbc
				.sql("SELECT determination_id, side, signed_by, signed_version, signed_at, asserted_at, asserted_by,"
						+ " asserted_document, asserted_url FROM determination_sign_offs"
						+ " WHERE determination_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
						+ ") ORDER BY signed_at, side")
				.params(chunk.stream().map(d -> this.dialect.uuid(d.id())).toList())
				.query((rs, n) -> {
					signOffs.computeIfAbsent(UUID.fromString(rs.getString("determination_id")), k -> new ArrayList<>())
						.add(new SignOff(rs.getString("side"), rs.getString("signed_by"), rs.getInt("signed_version"),
								this.dialect.instant(rs, "signed_at"),
								Asserted.stored(this.dialect.instant(rs, "asserted_at"), rs.getString("asserted_by"),
										rs.getString("asserted_document"), rs.getString("asserted_url"),
										this.dialect.instant(rs, "signed_at"), rs.getString("signed_by"))));
					return 0;
				})
				.list();
		}
		return rows.stream()
			.map(d -> new Determination(d.id(), d.incidentId(), d.subject(), d.rationale(), d.quorum(), d.status(),
					d.version(), d.draftedBy(), d.draftedAt(), d.updatedAt(), d.effectiveAt(),
					signOffs.getOrDefault(d.id(), List.of())))
			.toList();
	}

	private Determination map(ResultSet rs) throws SQLException {
		Determination.Subject subject = new Determination.Subject(rs.getString("agreement_id"), rs.getString("term_id"),
				rs.getString("actor_id"), Verdict.valueOf(rs.getString("verdict")));
		Quorum quorum = new Quorum(List.of(rs.getString("sides").split(",")), rs.getInt("quorum"));
		return new Determination(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("incident_id")),
				subject, rs.getString("rationale"), quorum, Determination.Status.valueOf(rs.getString("status")),
				rs.getInt("version"), rs.getString("drafted_by"), this.dialect.instant(rs, "drafted_at"),
				this.dialect.instant(rs, "updated_at"), this.dialect.instant(rs, "effective_at"), List.of());
	}

}
