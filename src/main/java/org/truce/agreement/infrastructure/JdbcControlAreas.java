package org.truce.agreement.infrastructure;

import java.util.List;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.agreement.application.ControlAreas;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.Period;
import org.truce.store.StoreDialect;

@Repository
class JdbcControlAreas implements ControlAreas {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	JdbcControlAreas(JdbcClient jdbc, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.dialect = dialect;
	}

	@Override
	public void replace(String mapName, List<ControlArea> areas) {
		GeoJsonWriter writer = new GeoJsonWriter();
		writer.setEncodeCRS(false);
		this.tx.executeWithoutResult(status -> {
			this.jdbc.sql("DELETE FROM control_areas WHERE map_name = ?").param(mapName).update();
			for (ControlArea a : areas) {
				this.jdbc
					.sql("INSERT INTO control_areas (id, map_name, actor_id, valid_from, valid_to, source, geojson)"
							+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
					.params(a.id(), mapName, a.actorId(), this.dialect.instant(a.valid().start()),
							this.dialect.instant(a.valid().end()), a.source(), writer.write(a.geometry()))
					.update();
			}
		});
	}

	@Override
	public List<ControlArea> all() {
		GeoJsonReader reader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
		return this.jdbc
			.sql("SELECT id, actor_id, valid_from, valid_to, source, geojson FROM control_areas ORDER BY id")
			.query((rs, n) -> {
				try {
					return new ControlArea(rs.getString("id"), rs.getString("actor_id"),
							reader.read(rs.getString("geojson")),
							new Period(this.dialect.instant(rs, "valid_from"), this.dialect.instant(rs, "valid_to")),
							rs.getString("source"));
				}
				catch (ParseException ex) {
					throw new IllegalStateException("stored control area " + rs.getString("id") + " is not GeoJSON",
							ex);
				}
			})
			.list();
	}

}
