package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL test database named by {@code TRUCE_TEST_PG_URL}, for
 * one test class; see {@link RequiresPostgres}. The database must have PostGIS available;
 * the migration creates the extension if it is missing.
 */
public final class PostgresTestSchema {

	private final String baseUrl;

	private final String schema;

	private PostgresTestSchema(String baseUrl, String schema) {
		this.baseUrl = baseUrl;
		this.schema = schema;
	}

	/**
	 * Creates the schema in the database named by {@code TRUCE_TEST_PG_URL}. Use it in a
	 * class annotated {@code @ExtendWith(RequiresPostgres.class)}, which skips the class
	 * when there is no database.
	 */
	public static PostgresTestSchema create(String prefix) {
		String url = System.getenv("TRUCE_TEST_PG_URL");
		String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
			.toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test schema " + schema, ex);
		}
		return new PostgresTestSchema(url, schema);
	}

	/**
	 * The JDBC URL with the schema first on the search path and {@code public} (where
	 * PostGIS lives) after it.
	 */
	public String url() {
		return this.baseUrl + (this.baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + this.schema + ",public";
	}

	public String schema() {
		return this.schema;
	}

	public void drop() {
		try (Connection c = DriverManager.getConnection(this.baseUrl); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot drop test schema " + this.schema, ex);
		}
	}

}
