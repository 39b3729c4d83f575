package org.truce.deconfliction.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.deconfliction.application.Alerts;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.deconfliction.model.Proximity;
import org.truce.report.model.EventType;
import org.truce.store.StoreDialect;

/**
 * Alerts in SQLite or PostgreSQL. One alert per report and place: a second insert of the
 * same pair does nothing ({@code ON CONFLICT DO NOTHING}). On PostgreSQL the other
 * instances sharing the database are told of the alerts stored, at the commit
 * ({@link PostgresAlertRelay}).
 */
@Repository
class JdbcAlerts implements Alerts {

	private static final String COLUMNS = "id, report_id, event_type, incident_start, incident_end, latitude,"
			+ " longitude, uncertainty_metres, place_id, place_kind, place_name, restricted_side, notified_by, proximity,"
			+ " distance_metres, threshold_metres, time_straddles, raised_at, cell_latitude, cell_longitude, cell_degrees,"
			+ " cell_proximity, cell_min_metres, cell_max_metres, cell_only";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	private final PostgresAlertRelay relay;

	JdbcAlerts(JdbcClient jdbc, StoreDialect dialect, PostgresAlertRelay relay) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.relay = relay;
	}

	@Override
	public List<Alert> insert(List<Alert> alerts) {
		List<Alert> out = new ArrayList<>();
		for (Alert a : alerts) {
			Alert.Cell c = a.cell();
			int n = this.jdbc
				.sql("INSERT INTO alerts (" + COLUMNS
						+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
						+ " ON CONFLICT (report_id, place_id) DO NOTHING")
				.params(this.dialect.uuid(a.id()), this.dialect.uuid(a.reportId()), a.eventType().code(),
						this.dialect.instant(a.incidentStart()), this.dialect.instant(a.incidentEnd()), a.latitude(),
						a.longitude(), a.uncertaintyMetres(), this.dialect.uuid(a.placeId()), a.placeKind().code(),
						a.placeName(), a.restrictedToSide(), a.notifiedBy(), a.proximity().name(), a.distanceMetres(),
						a.thresholdMetres(), a.timeStraddles(), this.dialect.instant(a.raisedAt()),
						c == null ? null : c.latitude(), c == null ? null : c.longitude(),
						c == null ? null : c.degrees(), c == null ? null : c.proximity().name(),
						c == null ? null : c.minMetres(), c == null ? null : c.maxMetres(), a.cellOnly())
				.update();
			if (n == 1) {
				out.add(a);
			}
		}
		this.relay.announce(out);
		return out;
	}

	@Override
	public Optional<Alert> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<Alert> newest(int limit, boolean unrestricted, String notifiedBy, Set<String> restrictedSides,
			boolean allRestricted) {
		List<Object> params = new ArrayList<>();
		String readable = readable(unrestricted, notifiedBy, restrictedSides, allRestricted, params);
		if (readable == null) {
			return List.of();
		}
		params.add(limit);
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE " + readable + " ORDER BY id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Override
	public List<Alert> after(UUID after, int limit, boolean unrestricted, String notifiedBy,
			Set<String> restrictedSides, boolean allRestricted) {
		List<Object> params = new ArrayList<>();
		params.add(this.dialect.uuid(after));
		String readable = readable(unrestricted, notifiedBy, restrictedSides, allRestricted, params);
		if (readable == null) {
			return List.of();
		}
		params.add(limit);
		// SQLite keeps ids as lower-case text, whose order is the ids' order as
		// numbers; PostgreSQL compares its uuid type byte by byte, the same order.
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE id > ? AND " + readable + " ORDER BY id LIMIT ?")
			.params(params)
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * The condition on the alerts the reader may see, its parameters added to
	 * {@code params}; null when it may see none.
	 */
	private static String readable(boolean unrestricted, String notifiedBy, Set<String> restrictedSides,
			boolean allRestricted, List<Object> params) {
		List<String> or = new ArrayList<>();
		if (unrestricted) {
			or.add("restricted_side IS NULL");
		}
		else if (notifiedBy != null) {
			or.add("(restricted_side IS NULL AND notified_by = ?)");
			params.add(notifiedBy);
		}
		if (allRestricted) {
			or.add("restricted_side IS NOT NULL");
		}
		else if (!restrictedSides.isEmpty()) {
			or.add("restricted_side IN (" + String.join(", ", Collections.nCopies(restrictedSides.size(), "?")) + ")");
			params.addAll(restrictedSides);
		}
		return or.isEmpty() ? null : "(" + String.join(" OR ", or) + ")";
	}

	@Override
	public List<Alert> ofReport(UUID reportId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM alerts WHERE report_id = ? ORDER BY distance_metres, id")
			.param(this.dialect.uuid(reportId))
			.query((rs, n) -> map(rs))
			.list();
	}

	private Alert map(ResultSet rs) throws SQLException {
		return new Alert(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("report_id")),
				EventType.parse(rs.getString("event_type")).orElseThrow(), this.dialect.instant(rs, "incident_start"),
				this.dialect.instant(rs, "incident_end"), rs.getDouble("latitude"), rs.getDouble("longitude"),
				rs.getDouble("uncertainty_metres"), UUID.fromString(rs.getString("place_id")),
				ProtectedPlaceKind.ofCode(rs.getString("place_kind")), rs.getString("place_name"),
				rs.getString("restricted_side"), rs.getString("notified_by"),
				Proximity.valueOf(rs.getString("proximity")), rs.getDouble("distance_metres"),
				rs.getDouble("threshold_metres"), rs.getBoolean("time_straddles"),
				this.dialect.instant(rs, "raised_at"), cell(rs), rs.getBoolean("cell_only"));
	}

	private static Alert.Cell cell(ResultSet rs) throws SQLException {
		String proximity = rs.getString("cell_proximity");
		if (proximity == null) {
			return null;
		}
		return new Alert.Cell(rs.getDouble("cell_latitude"), rs.getDouble("cell_longitude"),
				rs.getDouble("cell_degrees"), Proximity.valueOf(proximity), rs.getDouble("cell_min_metres"),
				rs.getDouble("cell_max_metres"));
	}

}
