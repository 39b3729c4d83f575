package org.truce.humanitarian.infrastructure;

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
import org.truce.humanitarian.application.MovementRestrictions;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.MovementRestriction;
import org.truce.humanitarian.model.MovementRestrictionKind;
import org.truce.store.StoreDialect;

/** Restrictions of the monitors' movement in SQLite or PostgreSQL. */
@Repository
class JdbcMovementRestrictions implements MovementRestrictions {

	private static final String COLUMNS = "id, kind, delay_minutes, latitude, longitude, place_name, occurred_at,"
			+ " restricted_by, patrol, conditions, recorded_by, recorded_at, report_id";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcMovementRestrictions(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void insert(MovementRestriction r) {
		this.jdbc
			.sql("INSERT INTO movement_restrictions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(r.id()), r.kind().name(), r.delayMinutes(), r.place().latitude(),
					r.place().longitude(), r.place().name(), this.dialect.instant(r.at()), r.restrictedBy(), r.patrol(),
					r.conditions(), r.recordedBy(), this.dialect.instant(r.recordedAt()),
					r.reportId() == null ? null : this.dialect.uuid(r.reportId()))
			.update();
	}

	@Override
	public Optional<MovementRestriction> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM movement_restrictions WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<MovementRestriction> list(Set<String> restrictedBy, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM movement_restrictions");
		List<Object> params = new ArrayList<>();
		if (restrictedBy != null) {
			if (restrictedBy.isEmpty()) {
				return List.of();
			}
			sql.append(" WHERE restricted_by IN (")
				.append(String.join(", ", Collections.nCopies(restrictedBy.size(), "?")))
				.append(")");
			params.addAll(restrictedBy.stream().sorted().toList());
		}
		sql.append(" ORDER BY occurred_at DESC, id LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	@Override
	public boolean linkReport(UUID id, UUID reportId) {
		return this.jdbc.sql("UPDATE movement_restrictions SET report_id = ? WHERE id = ? AND report_id IS NULL")
			.params(this.dialect.uuid(reportId), this.dialect.uuid(id))
			.update() == 1;
	}

	private MovementRestriction map(ResultSet rs) throws SQLException {
		int delay = rs.getInt("delay_minutes");
		Integer delayMinutes = rs.wasNull() ? null : delay;
		String place = rs.getString("place_name");
		String report = rs.getString("report_id");
		return new MovementRestriction(UUID.fromString(rs.getString("id")),
				MovementRestrictionKind.valueOf(rs.getString("kind")), delayMinutes,
				new AccessDestination(place == null ? "" : place, rs.getDouble("latitude"), rs.getDouble("longitude")),
				this.dialect.instant(rs, "occurred_at"), rs.getString("restricted_by"), rs.getString("patrol"),
				rs.getString("conditions"), rs.getString("recorded_by"), this.dialect.instant(rs, "recorded_at"),
				report == null ? null : UUID.fromString(report));
	}

}
