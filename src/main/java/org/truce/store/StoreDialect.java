package org.truce.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.truce.shared.Geodesic;

/**
 * What differs between the two stores: how instants and ids are written, the column types
 * the migrations name, and how a spatial filter is expressed. Everything else in the SQL
 * is shared.
 */
public sealed interface StoreDialect permits StoreDialect.Sqlite, StoreDialect.Postgres {

	Object instant(Instant instant);

	Instant instant(ResultSet rs, String column) throws SQLException;

	Object uuid(UUID id);

	/**
	 * A FROM clause for {@code table} (aliased {@code t}) restricted to rows whose
	 * lon/lat point lies within a circle, with its parameters added to {@code params}.
	 */
	String fromWithinCircle(String table, double lat, double lon, double radiusMetres, List<Object> params);

	/**
	 * A FROM clause for {@code table} (aliased {@code t}) restricted to points inside a
	 * box.
	 */
	String fromWithinBox(String table, double minLon, double minLat, double maxLon, double maxLat, List<Object> params);

	/**
	 * The exact geodesic test that the point of SQL expressions {@code latExpr} and
	 * {@code lonExpr} (degrees) lies within {@code radiusMetres} of a point, with its
	 * parameters added. Uses no index: follow a FROM clause that does.
	 */
	String pointWithinCircle(String latExpr, String lonExpr, double lat, double lon, double radiusMetres,
			List<Object> params);

	/**
	 * A uuid from the text of an id, to compare with a uuid column such as
	 * {@code reports.id}.
	 */
	String uuidFromText(String textExpr);

	/**
	 * The text of one member of the JSON object held as text in {@code column} (null when
	 * it has none), with the member's name added to {@code params}.
	 */
	String jsonMember(String column, String member, List<Object> params);

	/**
	 * A statement, with the lock's name as its one parameter, that waits for and takes a
	 * lock held until the transaction ends, so that two writers of one set of rows take
	 * turns instead of deadlocking; or {@code null} where the store already lets one
	 * transaction write at a time (SQLite).
	 */
	String lockUntilCommit();

	/**
	 * Flyway's placeholders in the migrations of {@code db/migration/common}: the column
	 * types that differ between the stores. {@code timestamp} (an instant to the
	 * millisecond), {@code uuid}, {@code double}, {@code bigint} (64 bits),
	 * {@code bytes}, {@code boolean} with its {@code false}; {@code identity_primary_key}
	 * (an integer key the store assigns); {@code prefix_collation} and
	 * {@code prefix_ops}, the column's collation and the index's operator class with
	 * which an index answers {@code LIKE 'prefix%'}.
	 */
	Map<String, String> migrationPlaceholders();

	/**
	 * The name of the store's own migrations' folder under {@code db/migration} (its
	 * spatial indexes), and Spring Boot's {@code {vendor}}.
	 */
	String name();

	/**
	 * The exact box test on a row's own coordinates, to follow an index's approximate
	 * one; adds its parameters.
	 */
	private static String exactBox(double minLon, double minLat, double maxLon, double maxLat, List<Object> params) {
		params.add(minLon);
		params.add(maxLon);
		params.add(minLat);
		params.add(maxLat);
		return " AND t.lon >= ? AND t.lon <= ? AND t.lat >= ? AND t.lat <= ?";
	}

	/**
	 * SQLite: instants as epoch milliseconds, ids as text, an R*Tree per spatial table
	 * named {@code
	 *
	<table>
	 * _rtree}, and the exact geodesic test by the Java function {@code geodesic_within}.
	 */
	record Sqlite() implements StoreDialect {

		@Override
		public Object instant(Instant instant) {
			return instant == null ? null : instant.toEpochMilli();
		}

		@Override
		public Instant instant(ResultSet rs, String column) throws SQLException {
			long millis = rs.getLong(column);
			return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
		}

		@Override
		public Object uuid(UUID id) {
			return id.toString();
		}

		@Override
		public String fromWithinCircle(String table, double lat, double lon, double radiusMetres, List<Object> params) {
			double[] box = Geodesic.boundingBox(lat, lon, radiusMetres);
			String from = fromWithinBox(table, box[0], box[1], box[2], box[3], params);
			return from + " AND " + pointWithinCircle("t.lat", "t.lon", lat, lon, radiusMetres, params);
		}

		@Override
		public String pointWithinCircle(String latExpr, String lonExpr, double lat, double lon, double radiusMetres,
				List<Object> params) {
			params.add(lat);
			params.add(lon);
			params.add(radiusMetres);
			return "geodesic_within(" + latExpr + ", " + lonExpr + ", ?, ?, ?)";
		}

		@Override
		public String uuidFromText(String textExpr) {
			return textExpr;
		}

		@Override
		public String jsonMember(String column, String member, List<Object> params) {
			params.add("$.\"" + member.replace("\"", "\\\"") + "\"");
			return "json_extract(" + column + ", ?)";
		}

		@Override
		public String fromWithinBox(String table, double minLon, double minLat, double maxLon, double maxLat,
				List<Object> params) {
			params.add(maxLon);
			params.add(minLon);
			params.add(maxLat);
			params.add(minLat);
			// CROSS JOIN makes SQLite drive the query from the R*Tree rather than the
			// time index. The R*Tree holds 32-bit floats rounded outwards, so it finds a
			// superset; the exact test on the row's own coordinates follows.
			return " FROM " + table + "_rtree r CROSS JOIN " + table + " t ON t.seq = r.seq"
					+ " WHERE r.min_lon <= ? AND r.max_lon >= ? AND r.min_lat <= ? AND r.max_lat >= ?"
					+ exactBox(minLon, minLat, maxLon, maxLat, params);
		}

		@Override
		public String lockUntilCommit() {
			return null;
		}

		@Override
		public Map<String, String> migrationPlaceholders() {
			// INTEGER PRIMARY KEY, to the letter, makes the column the rowid.
			return Map.of("timestamp", "INTEGER", "uuid", "TEXT", "double", "REAL", "bigint", "INTEGER", "bytes",
					"BLOB", "boolean", "INTEGER", "false", "0", "identity_primary_key", "INTEGER PRIMARY KEY",
					"prefix_collation", "COLLATE NOCASE", "prefix_ops", "");
		}

		@Override
		public String name() {
			return "sqlite";
		}

	}

	/**
	 * PostgreSQL + PostGIS: timestamptz, uuid, and a geography column {@code geog} with
	 * GiST indexes.
	 */
	record Postgres() implements StoreDialect {

		@Override
		public Object instant(Instant instant) {
			// To the millisecond, as SQLite keeps it: both stores must read back alike.
			return instant == null ? null
					: OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
		}

		@Override
		public Instant instant(ResultSet rs, String column) throws SQLException {
			OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
			return time == null ? null : time.toInstant();
		}

		@Override
		public Object uuid(UUID id) {
			return id;
		}

		@Override
		public String fromWithinCircle(String table, double lat, double lon, double radiusMetres, List<Object> params) {
			params.add(lon);
			params.add(lat);
			params.add(radiusMetres);
			return " FROM " + table + " t WHERE ST_DWithin(t.geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)";
		}

		@Override
		public String pointWithinCircle(String latExpr, String lonExpr, double lat, double lon, double radiusMetres,
				List<Object> params) {
			params.add(lon);
			params.add(lat);
			params.add(radiusMetres);
			return "ST_DWithin(ST_SetSRID(ST_MakePoint(" + lonExpr + ", " + latExpr + "), 4326)::geography,"
					+ " ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)";
		}

		@Override
		public String uuidFromText(String textExpr) {
			return "CAST(" + textExpr + " AS uuid)";
		}

		@Override
		public String jsonMember(String column, String member, List<Object> params) {
			params.add(member);
			return "(CAST(" + column + " AS json) ->> ?)";
		}

		@Override
		public String fromWithinBox(String table, double minLon, double minLat, double maxLon, double maxLat,
				List<Object> params) {
			params.add(minLon);
			params.add(minLat);
			params.add(maxLon);
			params.add(maxLat);
			// && compares single-precision boxes rounded outwards (and uses the index);
			// the exact test on the row's own coordinates follows.
			return " FROM " + table + " t WHERE t.geog::geometry && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
					+ exactBox(minLon, minLat, maxLon, maxLat, params);
		}

		@Override
		public String lockUntilCommit() {
			return "SELECT pg_advisory_xact_lock(hashtext(?))";
		}

		@Override
		public Map<String, String> migrationPlaceholders() {
			return Map.of("timestamp", "TIMESTAMPTZ", "uuid", "UUID", "double", "DOUBLE PRECISION", "bigint", "BIGINT",
					"bytes", "BYTEA", "boolean", "BOOLEAN", "false", "FALSE", "identity_primary_key",
					"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "prefix_collation", "", "prefix_ops",
					"text_pattern_ops");
		}

		@Override
		public String name() {
			return "postgresql";
		}

	}

}
