package org.truce.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * A store's schema read back from its database, as sorted lines of text, so that two
 * schemas compare with {@code assertEquals} and a failure shows the lines that differ.
 *
 * <ul>
 * <li>{@link #portable}: what both stores must share, read through JDBC's metadata:
 * tables; columns with their type family and nullability; primary keys, unique
 * constraints and indexes, foreign keys, and named indexes. It leaves out only
 * {@link #VENDOR_ONLY}, the objects each store has for spatial look-ups, and Flyway's
 * history.</li>
 * <li>{@link #exact}: everything one store keeps of its schema, to compare two schemas of
 * the same store: SQLite's own text of each table, index, trigger and virtual table
 * (without comments and layout); PostgreSQL's catalog: relations, column types, defaults,
 * identity and generated columns, constraints, indexes and triggers.</li>
 * <li>{@link #history}: Flyway's record of the migrations applied, without when and by
 * whom.</li>
 * </ul>
 */
final class StoreSchema {

	/**
	 * What only one store has, for its spatial look-ups, by store: SQLite's R*Tree of
	 * reports (the virtual table and its shadow tables; the trigger that fills it is not
	 * in the metadata), and PostgreSQL's PostGIS columns, their GiST indexes and the
	 * PostGIS table of reference systems (in the schema only when PostGIS was installed
	 * there). Each entry is a table, {@code table.column}, or {@code index name}.
	 */
	static final Map<String, Set<String>> VENDOR_ONLY = Map.of("sqlite",
			Set.of("reports_rtree", "reports_rtree_node", "reports_rtree_parent", "reports_rtree_rowid"), "postgresql",
			Set.of("reports.geog", "boundaries.geom", "index reports_geog", "index reports_geom",
					"index boundaries_geom", "spatial_ref_sys"));

	private static final String HISTORY = "flyway_schema_history";

	private static final String[] DELETE_RULES = { "cascade", "restrict", "set null", "no action", "set default" };

	private StoreSchema() {
	}

	/**
	 * The schema both stores share, without {@link #VENDOR_ONLY}. Column types are given
	 * as the family SQLite stores their values in: PostgreSQL's {@code timestamptz} is
	 * SQLite's integer (epoch milliseconds), {@code boolean} an integer (0 or 1),
	 * {@code uuid} text, {@code double precision} real, {@code bytea} a blob; any other
	 * type is named as unmapped, and so differs. A primary key's columns count as not
	 * null on both (SQLite lets a key that is not an integer hold NULL, which Truce never
	 * writes). Fails when a documented vendor-only object is not there.
	 */
	static List<String> portable(DataSource dataSource, StoreDialect dialect) throws SQLException {
		Set<String> vendorOnly = VENDOR_ONLY.get(dialect.name());
		Set<String> found = new TreeSet<>();
		Set<String> lines = new TreeSet<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			String schema = connection.getSchema();
			for (String table : tables(metadata, schema)) {
				if (table.equals(HISTORY) || vendorOnly.contains(table)) {
					found.add(table);
					continue;
				}
				lines.add("table " + table);
				List<String> primaryKey = primaryKey(metadata, schema, table);
				lines.add("primary key " + table + " " + primaryKey);
				try (ResultSet rs = metadata.getColumns(null, schema, table, "%")) {
					while (rs.next()) {
						String column = rs.getString("COLUMN_NAME");
						if (vendorOnly.contains(table + "." + column)) {
							found.add(table + "." + column);
							continue;
						}
						boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
								|| primaryKey.contains(column);
						lines.add("column " + table + "." + column + " " + family(rs.getString("TYPE_NAME"))
								+ (notNull ? " not null" : ""));
					}
				}
				try (ResultSet rs = metadata.getImportedKeys(null, schema, table)) {
					while (rs.next()) {
						lines.add("foreign key " + table + "." + rs.getString("FKCOLUMN_NAME") + " references "
								+ rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " on delete "
								+ DELETE_RULES[rs.getInt("DELETE_RULE")]);
					}
				}
				indexes(metadata, schema, table).forEach((name, index) -> {
					if (vendorOnly.contains("index " + name)) {
						found.add("index " + name);
					}
					else if (index.unique() && !index.columns().equals(primaryKey)) {
						lines.add("unique " + table + " " + index.columns());
					}
					else if (!index.unique()) {
						lines.add("index " + table + "." + name + " " + index.columns());
					}
				});
			}
		}
		Set<String> missing = new TreeSet<>(vendorOnly);
		missing.removeAll(found);
		missing.remove("spatial_ref_sys");
		if (!missing.isEmpty() || !found.contains(HISTORY)) {
			throw new AssertionError("the " + dialect.name() + " store lacks vendor-only objects " + missing
					+ " or Flyway's history: the list in StoreSchema.VENDOR_ONLY is out of date");
		}
		return List.copyOf(lines);
	}

	/** The type family of a column's type on either store: see {@link #portable}. */
	static String family(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "text", "uuid" -> "text";
			case "integer", "int4", "int8", "bool", "timestamptz" -> "integer";
			case "real", "float8" -> "real";
			case "blob", "bytea" -> "blob";
			default -> "unmapped " + type;
		};
	}

	/** Everything the store keeps of its schema, but Flyway's history: see the class. */
	static List<String> exact(DataSource dataSource, StoreDialect dialect) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			return (dialect instanceof StoreDialect.Sqlite) ? exactSqlite(statement)
					: exactPostgres(statement, connection.getSchema());
		}
	}

	/** Flyway's history: version, description, type, script, checksum and success. */
	static List<String> history(DataSource dataSource) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT version, description, type, script, checksum, success FROM " + HISTORY)) {
			while (rs.next()) {
				lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
						+ rs.getObject(5) + (rs.getBoolean(6) ? "" : " failed"));
			}
		}
		return lines.stream().sorted().toList();
	}

	private static List<String> tables(DatabaseMetaData metadata, String schema) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = metadata.getTables(null, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	private static List<String> primaryKey(DatabaseMetaData metadata, String schema, String table) throws SQLException {
		Map<Integer, String> columns = new TreeMap<>();
		try (ResultSet rs = metadata.getPrimaryKeys(null, schema, table)) {
			while (rs.next()) {
				columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	private static Map<String, Index> indexes(DatabaseMetaData metadata, String schema, String table)
			throws SQLException {
		Map<String, Boolean> unique = new LinkedHashMap<>();
		Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
		try (ResultSet rs = metadata.getIndexInfo(null, schema, table, false, true)) {
			while (rs.next()) {
				String name = rs.getString("INDEX_NAME");
				if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || name == null) {
					continue;
				}
				unique.put(name, !rs.getBoolean("NON_UNIQUE"));
				columns.computeIfAbsent(name, n -> new TreeMap<>())
					.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
			}
		}
		Map<String, Index> indexes = new LinkedHashMap<>();
		unique.forEach(
				(name, isUnique) -> indexes.put(name, new Index(isUnique, List.copyOf(columns.get(name).values()))));
		return indexes;
	}

	private static List<String> exactSqlite(Statement statement) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master"
				+ " WHERE tbl_name <> '" + HISTORY + "' AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'")) {
			while (rs.next()) {
				lines.add(rs.getString("type") + " " + rs.getString("name") + " on " + rs.getString("tbl_name") + ": "
						+ withoutLayout(rs.getString("sql")));
			}
		}
		return lines.stream().sorted().toList();
	}

	/**
	 * SQL text without comments, with one space between words and none inside brackets or
	 * before commas.
	 */
	static String withoutLayout(String sql) {
		return sql == null ? ""
				: sql.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").replaceAll("\\s*([(),;])\\s*", "$1").trim();
	}

	private static List<String> exactPostgres(Statement statement, String schema) throws SQLException {
		List<String> lines = new ArrayList<>();
		String inSchema = "n.nspname = current_schema() AND c.relname NOT LIKE '" + HISTORY + "%'";
		query(statement, "SELECT 'relation ' || c.relname || ' ' || c.relkind::text FROM pg_class c"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + inSchema, lines);
		query(statement,
				"SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
						+ " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
						+ " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
						+ " || ' identity ' || a.attidentity::text || ' generated ' || a.attgenerated::text || ' at ' || a.attnum"
						+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum" + " WHERE "
						+ inSchema + " AND c.relkind IN ('r', 'v', 'm', 'p') AND a.attnum > 0 AND NOT a.attisdropped",
				lines);
		query(statement, "SELECT 'constraint ' || c.relname || ' ' || o.conname || ' ' || pg_get_constraintdef(o.oid)"
				+ " FROM pg_constraint o JOIN pg_class c ON c.oid = o.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE " + inSchema, lines);
		query(statement,
				"SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i"
						+ " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
						+ inSchema,
				lines);
		query(statement,
				"SELECT 'trigger ' || c.relname || ' ' || pg_get_triggerdef(t.oid) FROM pg_trigger t"
						+ " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE NOT t.tgisinternal AND " + inSchema,
				lines);
		return lines.stream().map(line -> line.replace(schema + ".", "")).sorted().toList();
	}

	private static void query(Statement statement, String sql, List<String> lines) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				lines.add(rs.getString(1));
			}
		}
	}

	private record Index(boolean unique, List<String> columns) {
	}

}
