package org.truce.report.application;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.truce.TruceApplication;

import static org.assertj.core.api.Assertions.fail;

/** Application contexts on a throw-away store, without a web server. */
public final class TestStores {

	private TestStores() {
	}

	/** An embedded SQLite store in {@code dir}. */
	public static ConfigurableApplicationContext sqlite(Path dir) {
		return new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--truce.data=" + dir, "--logging.level.root=warn");
	}

	/** A PostgreSQL store in the schema of {@code schema}. */
	public static ConfigurableApplicationContext postgres(PostgresSchema schema) {
		return new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--truce.db=" + schema.url(), "--logging.level.root=warn");
	}

	/**
	 * A fresh schema in the database named by {@code TRUCE_TEST_PG_URL}, dropped by
	 * {@link #close()}. Without that variable the calling test is skipped, unless
	 * {@code TRUCE_REQUIRE_PG=1}, when it fails.
	 */
	public record PostgresSchema(String baseUrl, String name) implements AutoCloseable {

		public static PostgresSchema create() {
			String base = System.getenv("TRUCE_TEST_PG_URL");
			boolean required = "1".equals(System.getenv("TRUCE_REQUIRE_PG"));
			if (base == null || base.isBlank()) {
				if (required) {
					fail("TRUCE_REQUIRE_PG=1 but TRUCE_TEST_PG_URL is not set");
				}
				Assumptions.abort("TRUCE_TEST_PG_URL is not set: no PostgreSQL to test against");
			}
			String name = "t_import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
				s.execute("CREATE SCHEMA " + name);
			}
			catch (SQLException ex) {
				if (required) {
					fail("TRUCE_REQUIRE_PG=1 but PostgreSQL at TRUCE_TEST_PG_URL is unreachable: " + ex.getMessage());
				}
				Assumptions.abort("PostgreSQL at TRUCE_TEST_PG_URL is unreachable: " + ex.getMessage());
			}
			return new PostgresSchema(base, name);
		}

		/**
		 * The JDBC URL with this schema first on the search path and {@code public} after
		 * it.
		 */
		public String url() {
			String sep = this.baseUrl.contains("?") ? "&" : "?";
			return this.baseUrl + sep + "currentSchema=" + this.name.toLowerCase(Locale.ROOT) + ",public";
		}

		@Override
		public void close() throws SQLException {
			try (Connection c = DriverManager.getConnection(this.baseUrl); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
			}
		}

	}

}
