package org.truce.incident.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.incident.application.Incidents;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.shared.Asserted;
import org.truce.store.StoreDialect;

/** Incidents in SQLite or PostgreSQL. */
@Repository
class JdbcIncidents implements Incidents {

	/** Ids per statement, well under either store's limit on parameters. */
	private static final int CHUNK = 500;

	private static final String INCIDENT = "SELECT id, status, merged_into, discounted_by, discounted_why, version,"
			+ " created_at, updated_at FROM incidents";

	private static final String LINK = "SELECT id, report_a, report_b, reasons, distance_metres, gap_seconds, status,"
			+ " created_at, decided_by, decided_at, decision_reason FROM candidate_links";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcIncidents(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * The incident with its reports, read in one statement so that the version and the
	 * reports come from the same snapshot (two statements could straddle a change).
	 */
	@Override
	public Optional<IncidentRecord> find(UUID id) {
		List<IncidentRecord> rows = this.jdbc
			.sql("SELECT i.id, i.status, i.merged_into, i.discounted_by, i.discounted_why, i.version, i.created_at,"
					+ " i.updated_at, ir.report_id FROM incidents i LEFT JOIN incident_reports ir"
					+ " ON ir.incident_id = i.id WHERE i.id = ? ORDER BY ir.added_at, ir.report_id")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> {
				IncidentRecord i = incident(rs);
				String report = rs.getString("report_id");
				return new IncidentRecord(i.id(), i.status(), i.mergedInto(), i.discount(), i.version(), i.createdAt(),
						i.updatedAt(), report == null ? List.of() : List.of(UUID.fromString(report)));
			})
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		IncidentRecord first = rows.get(0);
		List<UUID> reports = rows.stream().flatMap(r -> r.reportIds().stream()).toList();
		return Optional.of(new IncidentRecord(first.id(), first.status(), first.mergedInto(), first.discount(),
				first.version(), first.createdAt(), first.updatedAt(), reports));
	}

	@Override
	public Map<UUID, UUID> incidentOf(Collection<UUID> reportIds) {
		Map<UUID, UUID> out = new HashMap<>();
		List<UUID> all = new ArrayList<>(reportIds);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			this.jdbc
				.sql("SELECT report_id, incident_id FROM incident_reports WHERE report_id IN (" + marks(chunk.size())
						+ ")")
				.params(chunk.stream().map(this.dialect::uuid).toList())
				.query((rs, n) -> out.put(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2))))
				.list();
		}
		return out;
	}

	@Override
	public Set<UUID> compound(Collection<UUID> incidentIds) {
		Set<UUID> out = new HashSet<>();
		List<UUID> all = new ArrayList<>(new HashSet<>(incidentIds));
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			List<Object> params = new ArrayList<>();
			chunk.forEach(id -> params.add(this.dialect.uuid(id)));
			chunk.forEach(id -> params.add(this.dialect.uuid(id)));
			this.jdbc
				.sql("SELECT incident_id FROM incident_reports WHERE incident_id IN (" + marks(chunk.size())
						+ ") GROUP BY incident_id HAVING count(*) > 1 UNION SELECT incident_id FROM incident_claims"
						+ " WHERE incident_id IN (" + marks(chunk.size()) + ")")
				.params(params)
				.query((rs, n) -> out.add(UUID.fromString(rs.getString(1))))
				.list();
		}
		return out;
	}

	@Override
	public List<UUID> unclustered(int limit) {
		return this.jdbc
			.sql("SELECT r.id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM incident_reports ir"
					+ " WHERE ir.report_id = r.id) ORDER BY r.time_start, r.id LIMIT ?")
			.param(limit)
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	@Override
	public void create(UUID id, List<UUID> reportIds, Instant at, String by) {
		this.jdbc.sql("INSERT INTO incidents (id, status, version, created_at, updated_at) VALUES (?, 'OPEN', 1, ?, ?)")
			.params(this.dialect.uuid(id), this.dialect.instant(at), this.dialect.instant(at))
			.update();
		move(reportIds, id, at, by);
	}

	@Override
	public void move(List<UUID> reportIds, UUID incidentId, Instant at, String by) {
		for (UUID report : reportIds) {
			int updated = this.jdbc
				.sql("UPDATE incident_reports SET incident_id = ?, added_at = ?, added_by = ? WHERE report_id = ?")
				.params(this.dialect.uuid(incidentId), this.dialect.instant(at), by, this.dialect.uuid(report))
				.update();
			if (updated == 0) {
				this.jdbc.sql(
						"INSERT INTO incident_reports (report_id, incident_id, added_at, added_by) VALUES (?, ?, ?, ?)")
					.params(this.dialect.uuid(report), this.dialect.uuid(incidentId), this.dialect.instant(at), by)
					.update();
			}
		}
	}

	@Override
	public boolean bump(UUID id, int expected, Instant at) {
		return this.jdbc.sql("UPDATE incidents SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
			.params(this.dialect.instant(at), this.dialect.uuid(id), expected)
			.update() == 1;
	}

	@Override
	public void markMerged(UUID id, UUID into, Instant at) {
		this.jdbc.sql("UPDATE incidents SET status = 'MERGED', merged_into = ?, updated_at = ? WHERE id = ?")
			.params(this.dialect.uuid(into), this.dialect.instant(at), this.dialect.uuid(id))
			.update();
		// Whatever pointed at the merged incident now points at the survivor.
		this.jdbc.sql("UPDATE incidents SET merged_into = ? WHERE merged_into = ?")
			.params(this.dialect.uuid(into), this.dialect.uuid(id))
			.update();
		this.jdbc.sql("UPDATE incident_claims SET incident_id = ? WHERE incident_id = ?")
			.params(this.dialect.uuid(into), this.dialect.uuid(id))
			.update();
	}

	@Override
	public void discount(UUID id, IncidentRecord.Discount discount, Instant at) {
		this.jdbc.sql("UPDATE incidents SET discounted_by = ?, discounted_why = ?, updated_at = ? WHERE id = ?")
			.params(discount == null ? null : discount.by(), discount == null ? null : discount.reason(),
					this.dialect.instant(at), this.dialect.uuid(id))
			.update();
	}

	@Override
	public void claim(Claim claim) {
		this.jdbc.sql("UPDATE incident_claims SET superseded = ? WHERE incident_id = ? AND side = ?")
			.params(true, this.dialect.uuid(claim.incidentId()), claim.side())
			.update();
		this.jdbc
			.sql("INSERT INTO incident_claims (id, incident_id, side, position, actor_id, statement, made_by, made_at,"
					+ " superseded, asserted_at, asserted_by, asserted_document, asserted_url)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(claim.id(), this.dialect.uuid(claim.incidentId()), claim.side(), claim.position().name(),
					claim.actorId(), claim.statement(), claim.madeBy(), this.dialect.instant(claim.madeAt()), false,
					this.dialect.instant(claim.asserted().at()), claim.asserted().by(), claim.asserted().document(),
					claim.asserted().url())
			.update();
	}

	@Override
	public List<Claim> claims(UUID incidentId) {
		return this.jdbc
			.sql("SELECT id, incident_id, side, position, actor_id, statement, made_by, made_at, asserted_at,"
					+ " asserted_by, asserted_document, asserted_url FROM incident_claims"
					+ " WHERE incident_id = ? AND superseded = ? ORDER BY made_at, id")
			.params(this.dialect.uuid(incidentId), false)
			.query((rs, n) -> new Claim(rs.getString("id"), UUID.fromString(rs.getString("incident_id")),
					rs.getString("side"), Claim.Position.valueOf(rs.getString("position")), rs.getString("actor_id"),
					rs.getString("statement"), rs.getString("made_by"), this.dialect.instant(rs, "made_at"),
					Asserted.stored(this.dialect.instant(rs, "asserted_at"), rs.getString("asserted_by"),
							rs.getString("asserted_document"), rs.getString("asserted_url"),
							this.dialect.instant(rs, "made_at"), rs.getString("made_by"))))
			.list();
	}

	@Override
	public boolean addEvidence(Evidence e, byte[] content) {
		boolean present = this.jdbc.sql("SELECT count(*) FROM incident_evidence WHERE incident_id = ? AND sha256 = ?")
			.params(this.dialect.uuid(e.incidentId()), e.sha256())
			.query(Long.class)
			.single() > 0;
		if (present) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO incident_evidence (id, incident_id, sha256, media_type, name, size_bytes, content,"
					+ " received_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.id(), this.dialect.uuid(e.incidentId()), e.sha256(), e.mediaType(), e.name(), e.sizeBytes(),
					content, this.dialect.instant(e.receivedAt()), e.receivedBy())
			.update();
		return true;
	}

	@Override
	public List<Evidence> evidence(UUID incidentId) {
		return this.jdbc
			.sql("SELECT id, incident_id, sha256, media_type, name, size_bytes, received_at, received_by"
					+ " FROM incident_evidence WHERE incident_id = ? ORDER BY received_at, id")
			.param(this.dialect.uuid(incidentId))
			.query((rs, n) -> new Evidence(rs.getString("id"), UUID.fromString(rs.getString("incident_id")),
					rs.getString("sha256"), rs.getString("media_type"), rs.getString("name"), rs.getLong("size_bytes"),
					this.dialect.instant(rs, "received_at"), rs.getString("received_by")))
			.list();
	}

	@Override
	public Optional<byte[]> evidenceContent(UUID incidentId, String sha256) {
		return this.jdbc.sql("SELECT content FROM incident_evidence WHERE incident_id = ? AND sha256 = ?")
			.params(this.dialect.uuid(incidentId), sha256)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	@Override
	public List<StoredLink> addLinks(List<StoredLink> links) {
		List<StoredLink> added = new ArrayList<>();
		for (StoredLink l : links) {
			boolean present = this.jdbc
				.sql("SELECT count(*) FROM candidate_links WHERE (report_a = ? AND report_b = ?)"
						+ " OR (report_a = ? AND report_b = ?)")
				.params(this.dialect.uuid(l.reportA()), this.dialect.uuid(l.reportB()), this.dialect.uuid(l.reportB()),
						this.dialect.uuid(l.reportA()))
				.query(Long.class)
				.single() > 0;
			if (present) {
				continue;
			}
			this.jdbc
				.sql("INSERT INTO candidate_links (id, report_a, report_b, reasons, distance_metres, gap_seconds,"
						+ " status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)")
				.params(l.id(), this.dialect.uuid(l.reportA()), this.dialect.uuid(l.reportB()),
						String.join(",", l.reasons()), l.distanceMetres(), l.gapSeconds(),
						this.dialect.instant(l.createdAt()))
				.update();
			added.add(l);
		}
		return added;
	}

	@Override
	public Optional<StoredLink> link(String id) {
		return this.jdbc.sql(LINK + " WHERE id = ?").param(id).query((rs, n) -> link(rs)).optional();
	}

	@Override
	public List<StoredLink> openLinks(int limit) {
		return this.jdbc.sql(LINK + " WHERE status = 'OPEN' ORDER BY created_at, id LIMIT ?")
			.param(limit)
			.query((rs, n) -> link(rs))
			.list();
	}

	@Override
	public List<StoredLink> linksOf(Collection<UUID> reportIds) {
		if (reportIds.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		reportIds.forEach(id -> params.add(this.dialect.uuid(id)));
		reportIds.forEach(id -> params.add(this.dialect.uuid(id)));
		return this.jdbc
			.sql(LINK + " WHERE report_a IN (" + marks(reportIds.size()) + ") OR report_b IN ("
					+ marks(reportIds.size()) + ") ORDER BY created_at, id")
			.params(params)
			.query((rs, n) -> link(rs))
			.list();
	}

	@Override
	public boolean decide(String linkId, StoredLink.Status status, String by, String reason, Instant at) {
		return this.jdbc
			.sql("UPDATE candidate_links SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ?"
					+ " WHERE id = ? AND status = 'OPEN'")
			.params(status.name(), by, reason, this.dialect.instant(at), linkId)
			.update() == 1;
	}

	@Override
	public Counts counts() {
		long open = this.jdbc.sql("SELECT count(*) FROM incidents WHERE status = 'OPEN'").query(Long.class).single();
		long multi = this.jdbc
			.sql("SELECT count(*) FROM (SELECT incident_id FROM incident_reports GROUP BY incident_id"
					+ " HAVING count(*) > 1) m")
			.query(Long.class)
			.single();
		long links = this.jdbc.sql("SELECT count(*) FROM candidate_links WHERE status = 'OPEN'")
			.query(Long.class)
			.single();
		return new Counts(open, multi, links);
	}

	@Override
	public List<IncidentRecord> recent(int limit) {
		return this.jdbc.sql(INCIDENT + " WHERE status = 'OPEN' ORDER BY updated_at DESC, id LIMIT ?")
			.param(limit)
			.query((rs, n) -> UUID.fromString(rs.getString("id")))
			.list()
			.stream()
			.flatMap(id -> find(id).stream())
			.toList();
	}

	private IncidentRecord incident(ResultSet rs) throws SQLException {
		String merged = rs.getString("merged_into");
		String by = rs.getString("discounted_by");
		return new IncidentRecord(UUID.fromString(rs.getString("id")),
				IncidentRecord.Status.valueOf(rs.getString("status")), merged == null ? null : UUID.fromString(merged),
				by == null ? null : new IncidentRecord.Discount(by, rs.getString("discounted_why")),
				rs.getInt("version"), this.dialect.instant(rs, "created_at"), this.dialect.instant(rs, "updated_at"),
				List.of());
	}

	private StoredLink link(ResultSet rs) throws SQLException {
		String reasons = rs.getString("reasons");
		return new StoredLink(rs.getString("id"), UUID.fromString(rs.getString("report_a")),
				UUID.fromString(rs.getString("report_b")),
				reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), rs.getDouble("distance_metres"),
				rs.getLong("gap_seconds"), StoredLink.Status.valueOf(rs.getString("status")),
				this.dialect.instant(rs, "created_at"), rs.getString("decided_by"),
				this.dialect.instant(rs, "decided_at"), rs.getString("decision_reason"));
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

}
