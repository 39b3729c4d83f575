package org.truce.geo.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Coordinate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.geo.application.Boundaries;
import org.truce.geo.application.GeoJson;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.store.StoreDialect;

/**
 * Boundaries in SQLite or PostgreSQL. Both keep the geometry as GeoJSON text with its
 * bounding box; PostgreSQL derives an indexed PostGIS geometry from it and tests points
 * there, SQLite pre-filters by box and tests the candidates with JTS.
 */
@Repository
class JdbcBoundaries implements Boundaries {

	/**
	 * Decimal places of stored coordinates: 1e-9 degrees is 0.1 mm, below the data's own
	 * precision.
	 */
	static final int DECIMALS = 9;

	private static final String COLUMNS = "pcode, layer, name, name_ar, parent_pcode, geometry";

	private static final String INSERT = "INSERT INTO boundaries (pcode, layer, name, name_ar, parent_pcode,"
			+ " min_lon, min_lat, max_lon, max_lat, geometry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	JdbcBoundaries(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.dialect = dialect;
	}

	@Override
	public void replaceLayer(BoundaryLayer layer, List<Boundary> boundaries) {
		for (Boundary b : boundaries) {
			if (b.layer() != layer) {
				throw new IllegalArgumentException(b.pcode() + " is in layer " + b.layer() + ", not " + layer);
			}
		}
		List<Object[]> rows = new ArrayList<>(boundaries.size());
		for (Boundary b : boundaries) {
			Envelope box = b.bbox();
			rows.add(new Object[] { b.pcode(), layer.code(), b.name(), b.nameAr(), b.parentPcode(), box.getMinX(),
					box.getMinY(), box.getMaxX(), box.getMaxY(), GeoJson.write(b.geometry(), DECIMALS) });
		}
		this.tx.executeWithoutResult(status -> {
			this.jdbc.sql("DELETE FROM boundaries WHERE layer = ?").param(layer.code()).update();
			this.template.batchUpdate(INSERT, rows);
		});
	}

	@Override
	public Optional<Boundary> byPcode(String pcode) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM boundaries WHERE pcode = ?")
			.param(pcode)
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<Boundary> covering(BoundaryLayer layer, double latitude, double longitude) {
		List<Boundary> found;
		if (this.dialect instanceof StoreDialect.Postgres) {
			found = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM boundaries WHERE layer = ?"
						+ " AND ST_Covers(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))")
				.params(layer.code(), longitude, latitude)
				.query((rs, n) -> map(rs))
				.list();
		}
		else {
			Point point = GeoJson.WGS84.createPoint(new Coordinate(longitude, latitude));
			found = this.jdbc
				.sql("SELECT " + COLUMNS + " FROM boundaries WHERE layer = ?"
						+ " AND min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?")
				.params(layer.code(), longitude, longitude, latitude, latitude)
				.query((rs, n) -> map(rs))
				.list()
				.stream()
				.filter(b -> b.geometry().covers(point))
				.toList();
		}
		return found.stream().sorted(Comparator.comparingDouble(b -> b.geometry().getArea())).toList();
	}

	@Override
	public Map<BoundaryLayer, Integer> countByLayer() {
		Map<BoundaryLayer, Integer> out = new EnumMap<>(BoundaryLayer.class);
		this.jdbc.sql("SELECT layer, count(*) AS n FROM boundaries GROUP BY layer")
			.query((RowCallbackHandler) rs -> out.put(BoundaryLayer.parse(rs.getString("layer")).orElseThrow(),
					rs.getInt("n")));
		return out;
	}

	private static Boundary map(ResultSet rs) throws SQLException {
		BoundaryLayer layer = BoundaryLayer.parse(rs.getString("layer"))
			.orElseThrow(() -> new IllegalStateException("unknown layer in the store"));
		return new Boundary(layer, rs.getString("pcode"), rs.getString("name"), rs.getString("name_ar"),
				rs.getString("parent_pcode"), GeoJson.multiPolygon(GeoJson.parse(rs.getString("geometry"))));
	}

}
