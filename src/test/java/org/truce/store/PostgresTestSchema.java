package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fresh schema in the PostgreSQL test database named by {@code TRUCE_TEST_PG_URL}, for
 * one test class. Without that variable the test is skipped, unless
 * {@code TRUCE_REQUIRE_PG=1}, when it fails; an unreachable database is treated the same.
 * The database must have PostGIS available; the migration creates the extension if it is
 * missing.
 */
public final class PostgresTestSchema {

	private final String baseUrl;

	private final String schema;

	private PostgresTestSchema(String baseUrl, String schema) {
		this.baseUrl = baseUrl;
		this.schema = schema;
	}

	/** Creates the schema, or skips (or fails, when required) the calling test class. */
	public static PostgresTestSchema createOrSkip(String prefix) {
		String url = System.getenv("TRUCE_TEST_PG_URL");
		boolean required = "1".equals(System.getenv("TRUCE_REQUIRE_PG"));
		if (url == null || url.isBlank()) {
			if (required) {
				fail("TRUCE_REQUIRE_PG=1 but TRUCE_TEST_PG_URL is not set");
			}
			assumeTrue(false, "TRUCE_TEST_PG_URL is not set; set it to a PostGIS database, e.g."
					+ " jdbc:postgresql://127.0.0.1:5432/truce_test?user=postgres, to run PostgreSQL tests");
		}
		String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
			.toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			if (required) {
				fail("TRUCE_REQUIRE_PG=1 but PostgreSQL at TRUCE_TEST_PG_URL is unreachable: " + ex.getMessage(), ex);
			}
			assumeTrue(false, "PostgreSQL at TRUCE_TEST_PG_URL is unreachable: " + ex.getMessage());
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
