package org.truce.bulletin.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.bulletin.application.BulletinDrafts;
import org.truce.bulletin.model.BulletinDraft;
import org.truce.bulletin.model.DissentAnnex;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.store.StoreDialect;

/**
 * Bulletin drafts in SQLite or PostgreSQL. A signature is guarded by the draft's stored
 * state ({@code WHERE state = ?}), a dissent by its not being stale, and a new draft
 * makes the older drafts of its period stale in the same statement order: of a signature
 * and a newer draft made at once, the signature either lands on a draft still current or
 * is refused, on either store.
 */
@Repository
class JdbcBulletinDrafts implements BulletinDrafts {

	private static final String COLUMNS = "id, agreement_id, period_from, period_to, draft_number, canonical, digest,"
			+ " sides, quorum, state, drafted_by, drafted_at, updated_at, published_at";

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcBulletinDrafts(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public int nextVersion(String agreementId, LocalDate from, LocalDate to) {
		Integer max = this.jdbc
			.sql("SELECT MAX(draft_number) FROM bulletin_drafts WHERE agreement_id = ? AND period_from = ?"
					+ " AND period_to = ?")
			.params(agreementId, from.toString(), to.toString())
			.query((rs, n) -> {
				int v = rs.getInt(1);
				return rs.wasNull() ? 0 : v;
			})
			.single();
		return max + 1;
	}

	@Override
	public List<UUID> insertSuperseding(BulletinDraft d, Instant at) {
		List<UUID> stale = this.jdbc
			.sql("SELECT id FROM bulletin_drafts WHERE agreement_id = ? AND period_from = ? AND period_to = ?"
					+ " AND state = 'DRAFT' ORDER BY draft_number")
			.params(d.agreementId(), d.from().toString(), d.to().toString())
			.query((rs, n) -> UUID.fromString(rs.getString("id")))
			.list();
		this.jdbc
			.sql("UPDATE bulletin_drafts SET state = 'STALE', updated_at = ? WHERE agreement_id = ? AND period_from = ?"
					+ " AND period_to = ? AND state = 'DRAFT'")
			.params(this.dialect.instant(at), d.agreementId(), d.from().toString(), d.to().toString())
			.update();
		this.jdbc.sql("INSERT INTO bulletin_drafts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(d.id()), d.agreementId(), d.from().toString(), d.to().toString(), d.version(),
					d.canonical(), d.digest(), String.join(",", d.quorum().sides()), d.quorum().required(),
					d.state().name(), d.draftedBy(), this.dialect.instant(d.draftedAt()),
					this.dialect.instant(d.updatedAt()), this.dialect.instant(d.publishedAt()))
			.update();
		return stale;
	}

	@Override
	public boolean sign(BulletinDraft after, BulletinDraft.State expected) {
		SignOff last = after.signOffs().get(after.signOffs().size() - 1);
		int updated = this.jdbc
			.sql("UPDATE bulletin_drafts SET state = ?, updated_at = ?, published_at = ? WHERE id = ? AND state = ?")
			.params(after.state().name(), this.dialect.instant(after.updatedAt()),
					this.dialect.instant(after.publishedAt()), this.dialect.uuid(after.id()), expected.name())
			.update();
		if (updated == 0) {
			return false;
		}
		boolean signed = !this.jdbc.sql("SELECT 1 FROM bulletin_signatures WHERE draft_id = ? AND side = ?")
			.params(this.dialect.uuid(after.id()), last.side())
			.query((rs, n) -> 1)
			.list()
			.isEmpty();
		if (signed) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO bulletin_signatures (draft_id, side, signed_by, signed_version, signed_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(after.id()), last.side(), last.userId(), last.version(),
					this.dialect.instant(last.at()))
			.update();
		return true;
	}

	@Override
	public Optional<UUID> published(String agreementId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT id FROM bulletin_drafts WHERE agreement_id = ? AND period_from = ? AND period_to = ?"
					+ " AND state = 'PUBLISHED' ORDER BY draft_number")
			.params(agreementId, from.toString(), to.toString())
			.query((rs, n) -> UUID.fromString(rs.getString("id")))
			.list()
			.stream()
			.findFirst();
	}

	@Override
	public Optional<BulletinDraft> find(UUID id) {
		return withSignOffs(this.jdbc.sql("SELECT " + COLUMNS + " FROM bulletin_drafts WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.list()).stream().findFirst();
	}

	@Override
	public List<BulletinDraft> list(BulletinDraft.State state, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM bulletin_drafts");
		List<Object> params = new ArrayList<>();
		if (state != null) {
			sql.append(" WHERE state = ?");
			params.add(state.name());
		}
		sql.append(" ORDER BY updated_at DESC, id LIMIT ?");
		params.add(limit);
		return withSignOffs(this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list());
	}

	@Override
	public boolean addDissent(DissentAnnex d) {
		int updated = this.jdbc
			.sql("INSERT INTO bulletin_dissents (id, draft_id, side, author, body, created_at)"
					+ " SELECT ?, id, ?, ?, ?, ? FROM bulletin_drafts WHERE id = ? AND state <> 'STALE'")
			.params(this.dialect.uuid(d.id()), d.side(), d.userId(), d.text(), this.dialect.instant(d.at()),
					this.dialect.uuid(d.draftId()))
			.update();
		return updated == 1;
	}

	@Override
	public List<DissentAnnex> dissents(UUID draftId) {
		return this.jdbc
			.sql("SELECT id, draft_id, side, author, body, created_at FROM bulletin_dissents WHERE draft_id = ?"
					+ " ORDER BY created_at, id")
			.param(this.dialect.uuid(draftId))
			.query((rs, n) -> new DissentAnnex(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("draft_id")), rs.getString("side"), rs.getString("author"),
					rs.getString("body"), this.dialect.instant(rs, "created_at")))
			.list();
	}

	/** The rows with their signatures, read in one query per chunk of ids. */
	private List<BulletinDraft> withSignOffs(List<BulletinDraft> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, List<SignOff>> signOffs = new LinkedHashMap<>();
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<BulletinDraft> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			this.jdbc
				.sql("SELECT draft_id, side, signed_by, signed_version, signed_at FROM bulletin_signatures"
						+ " WHERE draft_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
						+ ") ORDER BY signed_at, side")
				.params(chunk.stream().map(d -> this.dialect.uuid(d.id())).toList())
				.query((rs, n) -> {
					signOffs.computeIfAbsent(UUID.fromString(rs.getString("draft_id")), k -> new ArrayList<>())
						.add(new SignOff(rs.getString("side"), rs.getString("signed_by"), rs.getInt("signed_version"),
								this.dialect.instant(rs, "signed_at")));
					return 0;
				})
				.list();
		}
		return rows.stream()
			.map(d -> new BulletinDraft(d.id(), d.agreementId(), d.from(), d.to(), d.version(), d.canonical(),
					d.digest(), d.quorum(), d.state(), d.draftedBy(), d.draftedAt(), d.updatedAt(), d.publishedAt(),
					signOffs.getOrDefault(d.id(), List.of())))
			.toList();
	}

	private BulletinDraft map(ResultSet rs) throws SQLException {
		Quorum quorum = new Quorum(List.of(rs.getString("sides").split(",")), rs.getInt("quorum"));
		return new BulletinDraft(UUID.fromString(rs.getString("id")), rs.getString("agreement_id"),
				LocalDate.parse(rs.getString("period_from")), LocalDate.parse(rs.getString("period_to")),
				rs.getInt("draft_number"), rs.getString("canonical"), rs.getString("digest"), quorum,
				BulletinDraft.State.valueOf(rs.getString("state")), rs.getString("drafted_by"),
				this.dialect.instant(rs, "drafted_at"), this.dialect.instant(rs, "updated_at"),
				this.dialect.instant(rs, "published_at"), List.of());
	}

}
