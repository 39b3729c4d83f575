package org.truce.deconfliction.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.truce.deconfliction.application.DeclaredPositions;
import org.truce.deconfliction.application.Notifications;
import org.truce.deconfliction.application.ProtectedPlaces;
import org.truce.deconfliction.application.ProtectedPlacesChanged;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.MovementKind;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.deconfliction.model.SiteKind;
import org.truce.shared.Asserted;
import org.truce.store.StoreDialect;

/**
 * Notifications, acknowledgments and declared positions in SQLite or PostgreSQL.
 * Geometries are kept as WGS84 WKT (x = longitude) at full double precision, with their
 * bounding box beside them. An acknowledgment is {@code ON CONFLICT DO NOTHING} on
 * (notification, party), so that of two acknowledgments of one party the first is kept; a
 * withdrawal is a conditional update on {@code withdrawn_at IS NULL}.
 *
 * <p>
 * Every write announces {@link ProtectedPlacesChanged} after the surrounding transaction
 * commits (at once when there is none), so that a listener reading
 * {@link ProtectedPlaces} sees the change.
 */
@Repository
class JdbcNotifications implements Notifications, DeclaredPositions, ProtectedPlaces {

	private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final TypeReference<List<Map<String, String>>> VEHICLES = new TypeReference<>() {
	};

	private static final String COLUMNS = "t.id, t.kind, t.name, t.site_kind, t.movement_kind, t.geometry_wkt,"
			+ " t.window_from, t.window_to, t.vehicles, t.markings, t.content_salt, t.notified_by, t.notified_at,"
			+ " t.withdrawn_by, t.withdrawn_at, t.version, t.asserted_at, t.asserted_by, t.asserted_document,"
			+ " t.asserted_url";

	private static final String POSITION_COLUMNS = "t.id, t.side, t.label, t.area_wkt, t.window_from, t.window_to,"
			+ " t.content_salt, t.declared_by, t.declared_at, t.withdrawn_by, t.withdrawn_at, t.asserted_at,"
			+ " t.asserted_by, t.asserted_document, t.asserted_url";

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	private final ApplicationEventPublisher events;

	JdbcNotifications(JdbcClient jdbc, StoreDialect dialect, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.events = events;
	}

	@Override
	public void insert(Notification n, String contentSalt) {
		Envelope box = n.geometry().getEnvelopeInternal();
		List<Map<String, String>> vehicles = new ArrayList<>();
		for (Notification.Vehicle v : n.vehicles()) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("type", v.type());
			m.put("registration", v.registration());
			m.put("markings", v.markings());
			vehicles.add(m);
		}
		this.jdbc
			.sql("INSERT INTO notifications (id, kind, name, site_kind, movement_kind, geometry_wkt, min_lon, min_lat,"
					+ " max_lon, max_lat, window_from, window_to, vehicles, markings, content_salt, notified_by,"
					+ " notified_at, version, asserted_at, asserted_by, asserted_document, asserted_url)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(n.id()), n.kind().name(), n.name(),
					n.siteKind() == null ? null : n.siteKind().name(),
					n.movementKind() == null ? null : n.movementKind().name(), new WKTWriter().write(n.geometry()),
					box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), this.dialect.instant(n.from()),
					this.dialect.instant(n.to()), this.json.writeValueAsString(vehicles), n.markings(), contentSalt,
					n.notifiedBy(), this.dialect.instant(n.notifiedAt()), n.version(),
					this.dialect.instant(n.asserted().at()), n.asserted().by(), n.asserted().document(),
					n.asserted().url())
			.update();
		for (String party : n.parties().stream().sorted().toList()) {
			this.jdbc.sql("INSERT INTO notification_parties (notification_id, party) VALUES (?, ?)")
				.params(this.dialect.uuid(n.id()), party)
				.update();
		}
		changed();
	}

	@Override
	public Optional<NotificationHistory> byId(UUID id) {
		List<NotificationHistory> found = histories("SELECT " + COLUMNS + " FROM notifications t WHERE t.id = ?",
				List.of(this.dialect.uuid(id)));
		return found.stream().findFirst();
	}

	@Override
	public boolean acknowledge(Acknowledgment a) {
		int inserted = this.jdbc
			.sql("INSERT INTO notification_acknowledgments (notification_id, party, acknowledged_by, acknowledged_at,"
					+ " asserted_at, asserted_by, asserted_document, asserted_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
					+ " ON CONFLICT (notification_id, party) DO NOTHING")
			.params(this.dialect.uuid(a.notificationId()), a.party(), a.by(), this.dialect.instant(a.at()),
					this.dialect.instant(a.asserted().at()), a.asserted().by(), a.asserted().document(),
					a.asserted().url())
			.update();
		if (inserted == 1) {
			changed();
		}
		return inserted == 1;
	}

	@Override
	public boolean withdraw(UUID id, String by, Instant at) {
		int updated = this.jdbc
			.sql("UPDATE notifications SET withdrawn_by = ?, withdrawn_at = ?, version = version + 1"
					+ " WHERE id = ? AND withdrawn_at IS NULL")
			.params(by, this.dialect.instant(at), this.dialect.uuid(id))
			.update();
		if (updated == 1) {
			changed();
		}
		return updated == 1;
	}

	@Override
	public List<NotificationHistory> find(Query query) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notifications t WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.parties() != null) {
			if (query.parties().isEmpty()) {
				return List.of();
			}
			sql.append(" AND t.id IN (SELECT p.notification_id FROM notification_parties p WHERE p.party IN (")
				.append(String.join(", ", Collections.nCopies(query.parties().size(), "?")))
				.append("))");
			params.addAll(query.parties().stream().sorted().toList());
		}
		if (query.notifiedBy() != null) {
			sql.append(" AND t.notified_by = ?");
			params.add(query.notifiedBy());
		}
		if (!query.includeWithdrawn()) {
			sql.append(" AND t.withdrawn_at IS NULL");
		}
		sql.append(" ORDER BY COALESCE(t.asserted_at, t.notified_at) DESC, t.id LIMIT ?");
		params.add(query.limit());
		return histories(sql.toString(), params);
	}

	@Override
	public List<Notification> notifications() {
		return histories("SELECT " + COLUMNS + " FROM notifications t WHERE t.withdrawn_at IS NULL ORDER BY t.id",
				List.of())
			.stream()
			.map(NotificationHistory::notification)
			.toList();
	}

	@Override
	public List<DeclaredPosition> positions() {
		return findPositions(null, false, Integer.MAX_VALUE).stream().map(PositionRecord::position).toList();
	}

	@Override
	public void insert(DeclaredPosition p, String contentSalt) {
		Envelope box = p.area().getEnvelopeInternal();
		this.jdbc
			.sql("INSERT INTO declared_positions (id, side, label, area_wkt, min_lon, min_lat, max_lon, max_lat,"
					+ " window_from, window_to, content_salt, declared_by, declared_at, asserted_at, asserted_by,"
					+ " asserted_document, asserted_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(p.id()), p.side(), p.label(), new WKTWriter().write(p.area()), box.getMinX(),
					box.getMinY(), box.getMaxX(), box.getMaxY(), this.dialect.instant(p.from()),
					this.dialect.instant(p.to()), contentSalt, p.declaredBy(), this.dialect.instant(p.declaredAt()),
					this.dialect.instant(p.asserted().at()), p.asserted().by(), p.asserted().document(),
					p.asserted().url())
			.update();
		changed();
	}

	@Override
	public Optional<PositionRecord> position(UUID id) {
		return this.jdbc.sql("SELECT " + POSITION_COLUMNS + " FROM declared_positions t WHERE t.id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> positionRow(rs))
			.optional();
	}

	@Override
	public boolean withdrawPosition(UUID id, String by, Instant at) {
		int updated = this.jdbc.sql(
				"UPDATE declared_positions SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL")
			.params(by, this.dialect.instant(at), this.dialect.uuid(id))
			.update();
		if (updated == 1) {
			changed();
		}
		return updated == 1;
	}

	@Override
	public List<PositionRecord> findPositions(Set<String> sides, boolean includeWithdrawn, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + POSITION_COLUMNS + " FROM declared_positions t WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (sides != null) {
			if (sides.isEmpty()) {
				return List.of();
			}
			sql.append(" AND t.side IN (")
				.append(String.join(", ", Collections.nCopies(sides.size(), "?")))
				.append(")");
			params.addAll(sides.stream().sorted().toList());
		}
		if (!includeWithdrawn) {
			sql.append(" AND t.withdrawn_at IS NULL");
		}
		sql.append(" ORDER BY t.declared_at DESC, t.id LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> positionRow(rs)).list();
	}

	private PositionRecord positionRow(ResultSet rs) throws SQLException {
		DeclaredPosition p = new DeclaredPosition(UUID.fromString(rs.getString("id")), rs.getString("side"),
				rs.getString("label"), wkt(rs.getString("area_wkt")), this.dialect.instant(rs, "window_from"),
				this.dialect.instant(rs, "window_to"), rs.getString("declared_by"),
				this.dialect.instant(rs, "declared_at"),
				asserted(rs, this.dialect.instant(rs, "declared_at"), rs.getString("declared_by")),
				this.dialect.instant(rs, "withdrawn_at"));
		return new PositionRecord(p, rs.getString("withdrawn_by"), rs.getString("content_salt"));
	}

	private List<NotificationHistory> histories(String sql, List<Object> params) {
		List<Row> rows = this.jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, Set<String>> parties = new HashMap<>();
		Map<String, List<Acknowledgment>> acks = new HashMap<>();
		// One query per table for every row found, in chunks to stay within SQLite's
		// parameter limit.
		for (int start = 0; start < rows.size(); start += 500) {
			List<Row> chunk = rows.subList(start, Math.min(rows.size(), start + 500));
			List<Object> ids = chunk.stream().map(r -> this.dialect.uuid(r.id())).toList();
			String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
			this.jdbc
				.sql("SELECT notification_id, party FROM notification_parties WHERE notification_id IN (" + in + ")")
				.params(ids)
				.query((rs, n) -> {
					parties.computeIfAbsent(rs.getString("notification_id"), k -> new HashSet<>())
						.add(rs.getString("party"));
					return null;
				})
				.list();
			this.jdbc
				.sql("SELECT notification_id, party, acknowledged_by, acknowledged_at, asserted_at, asserted_by,"
						+ " asserted_document, asserted_url FROM notification_acknowledgments"
						+ " WHERE notification_id IN (" + in + ")")
				.params(ids)
				.query((rs, n) -> {
					UUID id = UUID.fromString(rs.getString("notification_id"));
					acks.computeIfAbsent(id.toString(), k -> new ArrayList<>())
						.add(new Acknowledgment(id, rs.getString("party"), rs.getString("acknowledged_by"),
								this.dialect.instant(rs, "acknowledged_at"), asserted(rs,
										this.dialect.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"))));
					return null;
				})
				.list();
		}
		List<NotificationHistory> out = new ArrayList<>(rows.size());
		for (Row r : rows) {
			String key = r.id().toString();
			Notification n = new Notification(r.id(), r.kind(), r.name(), r.siteKind(), r.movementKind(), r.geometry(),
					r.from(), r.to(), r.vehicles(), r.markings(), parties.getOrDefault(key, Set.of()), r.notifiedBy(),
					r.notifiedAt(), r.asserted(), r.withdrawnAt(), r.version());
			out.add(new NotificationHistory(n, acks.getOrDefault(key, List.of()), r.withdrawnBy(), r.contentSalt()));
		}
		return out;
	}

	private record Row(UUID id, Notification.Kind kind, String name, SiteKind siteKind, MovementKind movementKind,
			Geometry geometry, Instant from, Instant to, List<Notification.Vehicle> vehicles, String markings,
			String contentSalt, String notifiedBy, Instant notifiedAt, Asserted asserted, String withdrawnBy,
			Instant withdrawnAt, int version) {

	}

	private Row row(ResultSet rs) throws SQLException {
		String site = rs.getString("site_kind");
		String movement = rs.getString("movement_kind");
		List<Notification.Vehicle> vehicles = this.json.readValue(rs.getString("vehicles"), VEHICLES)
			.stream()
			.map(m -> new Notification.Vehicle(m.get("type"), m.get("registration"), m.get("markings")))
			.toList();
		return new Row(UUID.fromString(rs.getString("id")), Notification.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), site == null ? null : SiteKind.valueOf(site),
				movement == null ? null : MovementKind.valueOf(movement), wkt(rs.getString("geometry_wkt")),
				this.dialect.instant(rs, "window_from"), this.dialect.instant(rs, "window_to"), vehicles,
				rs.getString("markings"), rs.getString("content_salt"), rs.getString("notified_by"),
				this.dialect.instant(rs, "notified_at"),
				asserted(rs, this.dialect.instant(rs, "notified_at"), rs.getString("notified_by")),
				rs.getString("withdrawn_by"), this.dialect.instant(rs, "withdrawn_at"), rs.getInt("version"));
	}

	private Asserted asserted(ResultSet rs, Instant recordedAt, String recordedBy) throws SQLException {
		return Asserted.stored(this.dialect.instant(rs, "asserted_at"), rs.getString("asserted_by"),
				rs.getString("asserted_document"), rs.getString("asserted_url"), recordedAt, recordedBy);
	}

	private static Geometry wkt(String text) {
		try {
			return new WKTReader(GEOMETRY).read(text);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored geometry is not WKT: " + ex.getMessage(), ex);
		}
	}

	private void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					JdbcNotifications.this.events.publishEvent(new ProtectedPlacesChanged());
				}
			});
		}
		else {
			this.events.publishEvent(new ProtectedPlacesChanged());
		}
	}

}
