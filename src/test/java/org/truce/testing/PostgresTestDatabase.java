package org.truce.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the tests may use, named by {@code TRUCE_TEST_PG_URL} (a
 * {@code jdbc:postgresql://} URL of a database with PostGIS available).
 *
 * <p>
 * When the variable is unset, or the database cannot be reached, a test that asks for it
 * is skipped with the reason, unless {@code TRUCE_REQUIRE_PG=1}: then it fails. Each
 * caller gets a {@link Schema} of its own, dropped on {@link Schema#close()}.
 */
public final class PostgresTestDatabase {

	public static final String URL_VARIABLE = "TRUCE_TEST_PG_URL";

	public static final String REQUIRE_VARIABLE = "TRUCE_REQUIRE_PG";

	private PostgresTestDatabase() {
	}

	/** True when {@code TRUCE_TEST_PG_URL} is set (the database may still be down). */
	public static boolean configured() {
		String url = System.getenv(URL_VARIABLE);
		return url != null && !url.isBlank();
	}

	/**
	 * The base URL after checking that it answers; skips or fails the calling test
	 * otherwise.
	 */
	public static String requireUrl() {
		boolean required = "1".equals(System.getenv(REQUIRE_VARIABLE));
		if (!configured()) {
			unavailable(required, URL_VARIABLE + " is not set; set it to a jdbc:postgresql:// URL of a database with"
					+ " PostGIS (e.g. jdbc:postgresql://127.0.0.1:5432/truce_test?user=postgres) to run the PostgreSQL tests");
		}
		String url = System.getenv(URL_VARIABLE).trim();
		try (Connection connection = DriverManager.getConnection(url)) {
			if (!connection.isValid(5)) {
				unavailable(required, "PostgreSQL at " + redact(url) + " does not answer");
			}
		}
		catch (SQLException ex) {
			unavailable(required, "PostgreSQL at " + redact(url) + " is unreachable: " + ex.getMessage());
		}
		return url;
	}

	/** A new, empty schema; its URL puts it first on the search path, then public. */
	public static Schema freshSchema() {
		String base = requireUrl();
		String name = "truce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(base);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create schema " + name + " at " + redact(base), ex);
		}
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name + ",public";
		return new Schema(base, name, url);
	}

	private static void unavailable(boolean required, String reason) {
		if (required) {
			Assertions.fail(REQUIRE_VARIABLE + "=1 but " + reason);
		}
		Assumptions.abort(reason);
	}

	private static String redact(String url) {
		return url.replaceAll("(?i)password=[^&]*", "password=***");
	}

	/**
	 * A schema of one test class.
	 *
	 * @param name the schema's name (lower case, random)
	 * @param url the JDBC URL whose search path is this schema, then {@code public}
	 */
	public record Schema(String baseUrl, String name, String url) implements AutoCloseable {

		/** Drops the schema and everything in it. */
		@Override
		public void close() {
			try (Connection connection = DriverManager.getConnection(this.baseUrl);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + this.name.toLowerCase(Locale.ROOT) + " CASCADE");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot drop schema " + this.name, ex);
			}
		}

	}

}
