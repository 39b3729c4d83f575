package org.truce.humanitarian.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.locationtech.jts.geom.LineString;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.humanitarian.application.AccessRequests;
import org.truce.humanitarian.model.AccessCargo;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.AccessOutcome;
import org.truce.humanitarian.model.AccessOutcomeKind;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.AccessVerdict;
import org.truce.shared.Asserted;
import org.truce.store.StoreDialect;

/**
 * Access requests in SQLite or PostgreSQL: the request in {@code access_requests}, one
 * row per party concerned in {@code access_request_parties}. A decision is a conditional
 * update of the party's row ({@code verdict IS NULL}), so that a party decides once even
 * when two of its liaisons race; an outcome is a conditional update on the version and on
 * there being none.
 */
@Repository
class JdbcAccessRequests implements AccessRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "t.id, t.route_wkt, t.destination_name, t.destination_lat,"
			+ " t.destination_lon, t.cargo_json, t.people_in_need, t.window_from, t.window_to, t.requested_by,"
			+ " t.requested_at, t.content_salt, t.outcome, t.delivered_share, t.delivered_note, t.blocked_by, t.blocked_lat,"
			+ " t.blocked_lon, t.blocked_place, t.outcome_reason, t.outcome_salt, t.outcome_at, t.outcome_by, t.outcome_recorded_at,"
			+ " t.obstruction_report_id, t.version";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcAccessRequests(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void insert(AccessRequest r) {
		this.jdbc
			.sql("INSERT INTO access_requests (id, route_wkt, destination_name, destination_lat, destination_lon,"
					+ " cargo_json, people_in_need, window_from, window_to, requested_by, requested_at, content_salt,"
					+ " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(r.id()), Wkt.write(r.route()), r.destination().name(), r.destination().latitude(),
					r.destination().longitude(), JSON.writeValueAsString(r.cargo()), r.peopleInNeed(),
					this.dialect.instant(r.from()), this.dialect.instant(r.to()), r.requestedBy(),
					this.dialect.instant(r.requestedAt()), r.contentSalt(), r.version())
			.update();
		int position = 0;
		for (AccessDecision p : r.parties()) {
			this.jdbc
				.sql("INSERT INTO access_request_parties (request_id, party, position, verdict, reasons, conditions,"
						+ " reasons_salt, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(this.dialect.uuid(r.id()), p.party(), position++,
						p.verdict() == null ? null : p.verdict().name(), p.reasons(), p.conditions(), p.reasonsSalt(),
						p.decidedBy(), this.dialect.instant(p.decidedAt()))
				.update();
		}
	}

	@Override
	public Optional<AccessRequest> byId(UUID id) {
		List<AccessRequest> found = this.jdbc.sql("SELECT " + COLUMNS + " FROM access_requests t WHERE t.id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.list();
		return withParties(found).stream().findFirst();
	}

	@Override
	public List<AccessRequest> list(Set<String> parties, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM access_requests t");
		List<Object> params = new ArrayList<>();
		if (parties != null) {
			if (parties.isEmpty()) {
				return List.of();
			}
			sql.append(" WHERE t.id IN (SELECT p.request_id FROM access_request_parties p WHERE p.party IN (")
				.append(String.join(", ", Collections.nCopies(parties.size(), "?")))
				.append("))");
			params.addAll(parties.stream().sorted().toList());
		}
		sql.append(" ORDER BY t.requested_at DESC, t.id LIMIT ?");
		params.add(limit);
		return withParties(this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list());
	}

	@Override
	public boolean decide(UUID id, AccessDecision d) {
		int updated = this.jdbc
			.sql("UPDATE access_request_parties SET verdict = ?, reasons = ?, conditions = ?, reasons_salt = ?,"
					+ " decided_by = ?, decided_at = ?, asserted_at = ?, asserted_by = ?, asserted_document = ?,"
					+ " asserted_url = ? WHERE request_id = ? AND party = ? AND verdict IS NULL")
			.params(d.verdict().name(), d.reasons(), d.conditions(), d.reasonsSalt(), d.decidedBy(),
					this.dialect.instant(d.decidedAt()), this.dialect.instant(d.asserted().at()), d.asserted().by(),
					d.asserted().document(), d.asserted().url(), this.dialect.uuid(id), d.party())
			.update();
		if (updated != 1) {
			return false;
		}
		this.jdbc.sql("UPDATE access_requests SET version = version + 1 WHERE id = ?")
			.param(this.dialect.uuid(id))
			.update();
		return true;
	}

	@Override
	public boolean recordOutcome(UUID id, int expectedVersion, AccessOutcome o) {
		AccessDestination at = o.blockedAt();
		return this.jdbc
			.sql("UPDATE access_requests SET outcome = ?, delivered_share = ?, delivered_note = ?, blocked_by = ?,"
					+ " blocked_lat = ?, blocked_lon = ?, blocked_place = ?, outcome_reason = ?, outcome_salt = ?,"
					+ " outcome_at = ?," + " outcome_by = ?, outcome_recorded_at = ?, version = version + 1"
					+ " WHERE id = ? AND version = ? AND outcome IS NULL")
			.params(o.kind().name(), o.deliveredShare(), o.deliveredNote(), o.blockedBy(),
					at == null ? null : at.latitude(), at == null ? null : at.longitude(),
					at == null ? null : at.name(), o.reason(), o.detailsSalt(), this.dialect.instant(o.at()),
					o.recordedBy(), this.dialect.instant(o.recordedAt()), this.dialect.uuid(id), expectedVersion)
			.update() == 1;
	}

	@Override
	public boolean linkObstructionReport(UUID id, UUID reportId) {
		return this.jdbc
			.sql("UPDATE access_requests SET obstruction_report_id = ?, version = version + 1"
					+ " WHERE id = ? AND obstruction_report_id IS NULL AND outcome = 'BLOCKED'")
			.params(this.dialect.uuid(reportId), this.dialect.uuid(id))
			.update() == 1;
	}

	/** The requests with their parties' rows filled in (read in one query). */
	private List<AccessRequest> withParties(List<AccessRequest> requests) {
		if (requests.isEmpty()) {
			return requests;
		}
		Map<UUID, List<AccessDecision>> parties = new LinkedHashMap<>();
		List<Object> ids = new ArrayList<>();
		for (AccessRequest r : requests) {
			parties.put(r.id(), new ArrayList<>());
			ids.add(this.dialect.uuid(r.id()));
		}
		this.jdbc.sql("SELECT request_id, party, verdict, reasons, conditions, reasons_salt, decided_by, decided_at,"
				+ " asserted_at, asserted_by, asserted_document, asserted_url FROM access_request_parties WHERE request_id IN ("
				+ String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY request_id, position")
			.params(ids)
			.query((rs, n) -> {
				String verdict = rs.getString("verdict");
				parties.get(UUID.fromString(rs.getString("request_id")))
					.add(new AccessDecision(rs.getString("party"),
							verdict == null ? null : AccessVerdict.valueOf(verdict), rs.getString("reasons"),
							rs.getString("conditions"), rs.getString("reasons_salt"), rs.getString("decided_by"),
							this.dialect.instant(rs, "decided_at"),
							verdict == null ? null
									: Asserted.stored(this.dialect.instant(rs, "asserted_at"),
											rs.getString("asserted_by"), rs.getString("asserted_document"),
											rs.getString("asserted_url"), this.dialect.instant(rs, "decided_at"),
											rs.getString("decided_by"))));
				return null;
			})
			.list();
		return requests.stream()
			.map(r -> new AccessRequest(r.id(), r.route(), r.destination(), r.cargo(), r.peopleInNeed(),
					parties.get(r.id()), r.from(), r.to(), r.requestedBy(), r.requestedAt(), r.contentSalt(),
					r.outcome(), r.obstructionReportId(), r.version()))
			.toList();
	}

	private AccessRequest map(ResultSet rs) throws SQLException {
		String outcome = rs.getString("outcome");
		AccessOutcome o = null;
		if (outcome != null) {
			double share = rs.getDouble("delivered_share");
			Double deliveredShare = rs.wasNull() ? null : share;
			String place = rs.getString("blocked_place");
			double lat = rs.getDouble("blocked_lat");
			AccessDestination blockedAt = rs.wasNull() ? null
					: new AccessDestination(place == null ? "" : place, lat, rs.getDouble("blocked_lon"));
			o = new AccessOutcome(AccessOutcomeKind.valueOf(outcome), deliveredShare, rs.getString("delivered_note"),
					rs.getString("blocked_by"), blockedAt, rs.getString("outcome_reason"), rs.getString("outcome_salt"),
					this.dialect.instant(rs, "outcome_at"), rs.getString("outcome_by"),
					this.dialect.instant(rs, "outcome_recorded_at"));
		}
		String report = rs.getString("obstruction_report_id");
		List<AccessCargo> cargo = JSON.readValue(rs.getString("cargo_json"), new TypeReference<List<AccessCargo>>() {
		});
		return new AccessRequest(UUID.fromString(rs.getString("id")), (LineString) Wkt.read(rs.getString("route_wkt")),
				new AccessDestination(rs.getString("destination_name"), rs.getDouble("destination_lat"),
						rs.getDouble("destination_lon")),
				cargo, rs.getLong("people_in_need"), List.of(), this.dialect.instant(rs, "window_from"),
				this.dialect.instant(rs, "window_to"), rs.getString("requested_by"),
				this.dialect.instant(rs, "requested_at"), rs.getString("content_salt"), o,
				report == null ? null : UUID.fromString(report), rs.getInt("version"));
	}

}
