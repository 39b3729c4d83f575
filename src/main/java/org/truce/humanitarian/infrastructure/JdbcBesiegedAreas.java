package org.truce.humanitarian.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.humanitarian.application.BesiegedAreas;
import org.truce.humanitarian.model.BesiegedArea;
import org.truce.humanitarian.model.BesiegedStatus;
import org.truce.store.StoreDialect;

/**
 * Besieged and hard-to-reach areas in SQLite or PostgreSQL. A revision is a conditional
 * update on the version, so that of two racing revisions only one is recorded.
 */
@Repository
class JdbcBesiegedAreas implements BesiegedAreas {

	private static final String COLUMNS = "id, name, status, area_wkt, population, as_of, besiegers, source_note,"
			+ " recorded_by, recorded_at, version";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcBesiegedAreas(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void insert(BesiegedArea a) {
		this.jdbc.sql("INSERT INTO besieged_areas (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(a.id()), a.name(), a.status().name(), Wkt.write(a.area()), a.population(),
					a.asOf().toString(), String.join(",", a.besiegers()), a.sourceNote(), a.recordedBy(),
					this.dialect.instant(a.recordedAt()), a.version())
			.update();
	}

	@Override
	public Optional<BesiegedArea> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM besieged_areas WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<BesiegedArea> all(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM besieged_areas ORDER BY name, id LIMIT ?")
			.param(limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Override
	public boolean revise(BesiegedArea a, int expectedVersion) {
		return this.jdbc
			.sql("UPDATE besieged_areas SET name = ?, status = ?, area_wkt = ?, population = ?, as_of = ?,"
					+ " besiegers = ?, source_note = ?, recorded_by = ?, recorded_at = ?, version = ?"
					+ " WHERE id = ? AND version = ?")
			.params(a.name(), a.status().name(), Wkt.write(a.area()), a.population(), a.asOf().toString(),
					String.join(",", a.besiegers()), a.sourceNote(), a.recordedBy(),
					this.dialect.instant(a.recordedAt()), a.version(), this.dialect.uuid(a.id()), expectedVersion)
			.update() == 1;
	}

	private BesiegedArea map(ResultSet rs) throws SQLException {
		String besiegers = rs.getString("besiegers");
		return new BesiegedArea(UUID.fromString(rs.getString("id")), rs.getString("name"),
				BesiegedStatus.valueOf(rs.getString("status")), Wkt.read(rs.getString("area_wkt")),
				rs.getLong("population"), LocalDate.parse(rs.getString("as_of")),
				besiegers == null || besiegers.isEmpty() ? List.of() : Arrays.asList(besiegers.split(",")),
				rs.getString("source_note"), rs.getString("recorded_by"), this.dialect.instant(rs, "recorded_at"),
				rs.getInt("version"));
	}

}
